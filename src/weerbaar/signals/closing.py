"""Closing a signal whose reporter has had no answer asks for one first.

Whether a reporter is owed an answer, and sending it, belong to the reporting point
(``intake``), above this app: it registers a guard here from its ``ready()``. Closing then
sends the answer and closes the signal in one transaction, or does neither.
"""

from typing import Protocol

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import Signal


class AnswerGuard(Protocol):
    def needs_answer(self, signal: Signal) -> bool: ...

    def default_text(self) -> str: ...

    def send(self, *, actor: User, signal: Signal, text: str) -> None: ...


_guards: list[AnswerGuard] = []


def register(guard: AnswerGuard) -> None:
    if guard not in _guards:
        _guards.append(guard)


def answer_owed(signal: Signal) -> bool:
    return any(guard.needs_answer(signal) for guard in _guards)


def default_answer() -> str:
    return next((g.default_text() for g in _guards if g.default_text()), "")


@transaction.atomic
def signal_status_move(
    *,
    actor: User,
    signal: Signal,
    status: str,
    reason: str = "",
    version: int | None = None,
    answer: str = "",
) -> Signal:
    """The next step of the signal; a close first answers a reporter still owed an answer."""
    from weerbaar.signals.services import signal_set_status  # services re-exports this module

    owed = status == SignalStatus.CLOSED and answer_owed(signal)
    if owed and not answer.strip():
        raise ValidationError(
            {
                "answer": _(
                    "The reporter has had no answer yet: send one with the closing. The "
                    "standard text is already in the box."
                )
            }
        )
    signal = signal_set_status(
        actor=actor, signal=signal, status=SignalStatus(status), reason=reason, version=version
    )
    if owed:
        for guard in _guards:
            if guard.needs_answer(signal):
                guard.send(actor=actor, signal=signal, text=answer.strip())
    return signal
