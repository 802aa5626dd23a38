from django.db import models
from django.utils.translation import gettext_lazy as _


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


# Moving to these statuses needs a reason in words (recorded in the audit trail).
REASON_REQUIRED = {SignalStatus.CLOSED}


class Channel(models.TextChoices):
    """Where a signal came in; it survives into the yearly report (e.g. MMA follow-up)."""

    PUBLIC = "public", _("Public reporting form")
    INTERNAL = "internal", _("Internal reporting point")
    PARTNER = "partner", _("Partner")
    MMA = "mma", _("Meld Misdaad Anoniem")


SEE_ALL_PERMISSION = "signals.view_signal"
