"""Public API of the signals app for writes. Every report from every inflow becomes a signal
through ``signal_create``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.signals.constants import ALLOWED, Channel, SignalStatus
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


@transaction.atomic
def signal_set_status(*, actor, signal: Signal, status: SignalStatus) -> Signal:
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if status not in ALLOWED[SignalStatus(signal.status)]:
        raise ValidationError(
            _("A signal with status “%(old)s” cannot become “%(new)s”.")
            % {"old": signal.get_status_display(), "new": SignalStatus(status).label}
        )
    old = signal.status
    signal.status = status
    signal.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_STATUS_CHANGED,
        obj=signal,
        old={"status": old},
        new={"status": status},
    )
    return signal
