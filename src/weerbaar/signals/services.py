"""Public API of the signals app for writes. Every report from every inflow becomes a signal
through ``signal_create``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.signals.constants import ALLOWED, REASON_REQUIRED, Channel, SignalStatus
from weerbaar.signals.models import Phenomenon, Signal


@transaction.atomic
def signal_create(
    *,
    actor,
    channel: Channel,
    description: str,
    phenomenon: Phenomenon | None = None,
    location_text: str = "",
    address=None,
    occurred: str = "",
    involved: str = "",
    owner_team=None,
) -> Signal:
    signal = Signal(
        channel=channel,
        description=description.strip(),
        phenomenon=phenomenon,
        location_text=location_text.strip(),
        address=address,
        occurred=occurred.strip(),
        involved=involved.strip(),
        # The day only: a public report's moment of sending is not kept (SECURITY.md P6).
        reported_on=timezone.localdate(),
        owner_team=owner_team,
    )
    signal.full_clean()
    signal.save()
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_CREATED,
        obj=signal,
        new={"channel": channel, "phenomenon": phenomenon.code if phenomenon else ""},
        day_only=channel == Channel.PUBLIC,
    )
    return signal


def _locked(signal: Signal, version: int | None) -> Signal:
    """The signal's row, locked; refused when it changed since ``version`` was read."""
    current = Signal.objects.select_for_update().get(pk=signal.pk)
    if version is not None and current.version != version:
        raise ValidationError(
            _(
                "Someone else changed this signal in the meantime. Check the current state "
                "below and make your change again."
            )
        )
    return current


@transaction.atomic
def signal_triage(
    *,
    actor,
    signal: Signal,
    version: int | None,
    phenomenon: Phenomenon | None,
    urgency: str,
    summary: str = "",
    assigned_to=None,
) -> Signal:
    """Record what the signal is about, how urgent it is and who works on it."""
    signal = _locked(signal, version)
    fields = ("phenomenon_id", "urgency", "summary", "assigned_to_id")
    old = {f: getattr(signal, f) for f in fields}
    signal.phenomenon, signal.urgency = phenomenon, urgency
    signal.summary, signal.assigned_to = summary.strip(), assigned_to
    signal.version += 1
    signal.full_clean()
    signal.save(update_fields=["phenomenon", "urgency", "summary", "assigned_to", "version"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_TRIAGED,
        obj=signal,
        old={k: str(v) for k, v in old.items()},
        new={f: str(getattr(signal, f)) for f in fields},
    )
    return signal


@transaction.atomic
def signal_set_status(
    *,
    actor,
    signal: Signal,
    status: SignalStatus,
    reason: str = "",
    version: int | None = None,
) -> Signal:
    """Move the signal along the flow of ``ALLOWED``; some steps need a reason."""
    signal = _locked(signal, version)
    if status not in ALLOWED[SignalStatus(signal.status)]:
        raise ValidationError(
            _("A signal with status “%(old)s” cannot become “%(new)s”.")
            % {"old": signal.get_status_display(), "new": SignalStatus(status).label}
        )
    if status in REASON_REQUIRED and len(reason.strip()) < 5:
        raise ValidationError(_("Give the reason for this step."))
    old = signal.status
    signal.status = status
    signal.version += 1
    signal.save(update_fields=["status", "version"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_STATUS_CHANGED,
        obj=signal,
        old={"status": old},
        new={"status": status},
        purpose=reason.strip(),
    )
    return signal
