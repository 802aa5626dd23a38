"""The signal's row for a write that depends on its current state."""

from django.utils.translation import gettext as _

from weerbaar.core.locking import lock_current
from weerbaar.signals.models import Signal


def locked(signal: Signal, version: int | None) -> Signal:
    """The signal's row, locked; refused when it changed since ``version`` was read."""
    return lock_current(
        Signal.objects,
        pk=signal.pk,
        version=version,
        message=_(
            "Someone else changed this signal in the meantime. Check the current state "
            "below and make your change again."
        ),
    )
