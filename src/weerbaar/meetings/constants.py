from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.intake.constants import FEEDBACK_DAYS as INTAKE_FEEDBACK_DAYS


class MeetingKind(models.TextChoices):
    GSO = "gso", _("Signal meeting (municipal teams only)")
    LIO = "lio", _("LIO (with external partners)")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    AGENDA_SENT = "agenda_sent", _("Agenda sent")
    HELD = "held", _("Held")


class Decision(models.TextChoices):
    NO_ACTION = "no_action", _("No action")
    MONITOR = "monitor", _("Monitor")
    ENRICH = "enrich", _("Enrich further")
    INSPECTION = "inspection", _("Inspection (integrale controle)")
    OPEN_CASE = "open_case", _("Open a case")
    RIEC = "riec", _("Refer to the RIEC")
    HAND_OVER = "hand_over", _("Hand over to a partner")


class ItemReason(models.TextChoices):
    NEW = "new", _("Signal for the LIO")
    RUNNING = "running", _("Running item: action points due")


# Who reads every agenda item and all internal enrichment; partners lack it and see only what
# was shared with the LIO (SECURITY.md P21).
INTERNAL_PERMISSION = "meetings.view_internal_items"
SEE_ALL_PERMISSION = "meetings.view_meeting"
MANAGE_PERMISSION = "meetings.change_meeting"
# Days without word after which the reporter is owed feedback: one number, the intake's.
FEEDBACK_DAYS = INTAKE_FEEDBACK_DAYS
