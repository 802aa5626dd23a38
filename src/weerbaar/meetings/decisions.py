"""What recording a decision on an agenda item does, for the first decision and a correction."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.cases.services import case_open_from_signal
from weerbaar.meetings.constants import Decision
from weerbaar.meetings.models import AgendaItem


def open_case(actor: User, item: AgendaItem, case_type) -> None:
    """ "Open a case": of ``case_type``, with the signal's subjects (the caller saves the item)."""
    if case_type is None:
        raise ValidationError({"case_type": _("Choose the type of the case to open.")})
    item.case = case_open_from_signal(
        actor=actor, signal=item.signal, case_type=case_type, origin=str(item.meeting)
    )
    item.signal.refresh_from_db()


def store(item: AgendaItem, *, actor: User, decision: str, text: str, hand_over_to: str) -> None:
    item.decision, item.decision_text = Decision(decision), text.strip()
    item.hand_over_to = hand_over_to.strip()
    item.decided_by, item.decided_at = actor, timezone.now()
    item.save(
        update_fields=[
            "decision",
            "decision_text",
            "hand_over_to",
            "decided_by",
            "decided_at",
            "case",
        ]
    )
