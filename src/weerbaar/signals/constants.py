from django.db import models
from django.utils.translation import gettext_lazy as _

# The 4x4 grading is the subjects' too (a relation recorded by hand is graded the same way).
from weerbaar.subjects.constants import InfoGrade, SourceGrade  # noqa: F401


class SignalStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    FOR_LIO = "for_lio", _("For the LIO")
    DECIDED = "decided", _("Decided")
    CLOSED = "closed", _("Closed")


# The status flow; the LIO issue adds the reasons and the decisions on its edges.
ALLOWED = {
    SignalStatus.NEW: {SignalStatus.IN_PROGRESS, SignalStatus.CLOSED},
    SignalStatus.IN_PROGRESS: {SignalStatus.FOR_LIO, SignalStatus.CLOSED},
    SignalStatus.FOR_LIO: {SignalStatus.DECIDED, SignalStatus.IN_PROGRESS},
    SignalStatus.DECIDED: {SignalStatus.CLOSED, SignalStatus.IN_PROGRESS},
    SignalStatus.CLOSED: set(),
}


class Urgency(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


# A closed signal taken up again (a correction with a reason, not a step of the flow above):
# it goes back to being worked on, whatever it was before it was closed.
REOPEN_TO = SignalStatus.IN_PROGRESS

# Moving to these statuses needs a reason in words (recorded in the audit trail).
REASON_REQUIRED = {SignalStatus.CLOSED}


class Channel(models.TextChoices):
    """Where a signal came in; it survives into the yearly report (e.g. MMA follow-up)."""

    PUBLIC = "public", _("Public reporting form")
    INTERNAL = "internal", _("Internal reporting point")
    PARTNER = "partner", _("Partner")
    MMA = "mma", _("Meld Misdaad Anoniem")
    WAREHOUSE = "warehouse", _("Information warehouse")


SEE_ALL_PERMISSION = "signals.view_signal"
CHANGE_PERMISSION = "signals.change_signal"
ENRICH_PERMISSION = "signals.add_enrichment"


class EnrichmentKind(models.TextChoices):
    SOFT = "soft", _("Information (graded)")
    FACT = "fact", _("Hard fact from a municipal registration")


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Internal only")
    LIO = "lio", _("Shared with the LIO partners")


class SubjectRole(models.TextChoices):
    INVOLVED = "involved", _("Involved")
    SUSPECTED = "suspected", _("Possibly responsible")
    LOCATION = "location", _("Location")
    OWNER = "owner", _("Owner or landlord")
    VEHICLE = "vehicle", _("Vehicle used")


class WeighingPhase(models.TextChoices):
    """The phases at which a recorded privacy weighing is required before the step."""

    ENRICHMENT = "enrichment", _("Before enrichment with other sources")
    CASE = "case", _("Before it becomes a case")
    SHARING = "sharing", _("Before it is shared with the partners of the LIO")


class Purpose(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("Administrative approach to subversive crime")
    PUBLIC_ORDER = "public_order", _("Maintaining public order and safety")
    INTEGRITY = "integrity", _("Integrity of the municipal administration (Bibob)")
    ENFORCEMENT = "enforcement", _("Enforcing regulations (permits, zoning, housing)")


# Code of the retention rule for signals that end without any action.
RETENTION_NO_ACTION = "signal_no_action"
