"""What happens elsewhere when an inspection or an address check gets its outcome.

The origin learns it: a signal (a lower app) through ``signals.services``; an alert of the
warehouse (a higher app, which this app may not import) through the functions registered here
with ``on_closed_register``, called in the closing transaction so the outcome and its echo
commit or roll back together.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from weerbaar.signals.services import signal_follow_up_record


@dataclass(frozen=True)
class Closed:
    """An inspection or an address check that got its outcome, as its origin hears of it."""

    reference: str
    kind: str  # the kind's name: "Integrale controle", "BRP-adrescontrole"
    day: date
    outcome: str  # the outcome's label
    alert_reference: str = ""

    @property
    def text(self) -> str:
        return _("%(kind)s %(reference)s of %(day)s: %(outcome)s") % {
            "kind": self.kind,
            "reference": self.reference,
            "day": date_format(self.day),
            "outcome": self.outcome,
        }


_on_closed: list[Callable[..., None]] = []


def on_closed_register(hook: Callable[..., None]) -> None:
    """``hook(actor=, closed=)`` runs for every outcome recorded, in its transaction."""
    if hook not in _on_closed:
        _on_closed.append(hook)


def closed(*, actor, closed: Closed, signal=None) -> None:
    if signal is not None:
        signal_follow_up_record(actor=actor, signal=signal, text=closed.text)
    for hook in _on_closed:
        hook(actor=actor, closed=closed)
