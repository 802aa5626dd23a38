"""Correcting a decision of a meeting while its minutes are not yet final.

The earlier decision is kept as a ``DecisionCorrection`` and in the audit trail (old and new);
the signal follows the corrected decision along its own status flow.
"""

from collections import deque

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.meetings import decisions
from weerbaar.meetings.constants import Decision, MeetingStatus
from weerbaar.meetings.models import AgendaItem, DecisionCorrection
from weerbaar.signals.constants import ALLOWED, SignalStatus
from weerbaar.signals.services import signal_reopen, signal_set_status

# Where a decision leaves its signal (see ``services._move_signal``).
SIGNAL_AFTER = {Decision.NO_ACTION: SignalStatus.CLOSED, Decision.ENRICH: SignalStatus.IN_PROGRESS}


def _path(start: SignalStatus, goal: SignalStatus) -> list[SignalStatus] | None:
    """The shortest series of allowed steps from ``start`` to ``goal``, never through a close."""
    seen, queue = {start}, deque([(start, [])])
    while queue:
        status, steps = queue.popleft()
        if status == goal:
            return steps
        for step in sorted(ALLOWED[status]):
            if step not in seen and (step == goal or step != SignalStatus.CLOSED):
                seen.add(step)
                queue.append((step, [*steps, step]))
    return None


def _follow(actor: User, signal, earlier: str, decision: str, reason: str) -> None:
    """Move the signal from where the earlier decision left it to where the corrected one
    would have; a signal that the earlier decision did not move, or that has moved on since,
    is left where it is."""
    left_at = SIGNAL_AFTER.get(earlier, SignalStatus.DECIDED)
    goal = SIGNAL_AFTER.get(decision, SignalStatus.DECIDED)
    if signal.status != left_at or left_at == goal:
        return
    if signal.status == SignalStatus.CLOSED:
        signal = signal_reopen(actor=actor, signal=signal, reason=reason)
    for step in _path(SignalStatus(signal.status), goal) or []:
        signal = signal_set_status(actor=actor, signal=signal, status=step, reason=reason)


def _check(item: AgendaItem, decision: str, decision_text: str, hand_over_to: str, reason: str):
    if item.meeting.status == MeetingStatus.HELD:
        raise ValidationError(
            _("The minutes of this meeting are final; its decisions can no longer be corrected.")
        )
    if not item.decision:
        raise ValidationError(_("This item has no decision to correct yet."))
    if item.case_id:
        raise ValidationError(
            _(
                "This decision opened case %(case)s. A decision that opened a case cannot be "
                "corrected here; close the case with a reason on its page instead."
            )
            % {"case": item.case.reference}
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the decision is corrected.")})
    if decision == Decision.HAND_OVER and not hand_over_to.strip():
        raise ValidationError({"hand_over_to": _("Say which partner takes it over.")})
    same = (item.decision, item.decision_text, item.hand_over_to) == (
        decision,
        decision_text.strip(),
        hand_over_to.strip(),
    )
    if same:
        raise ValidationError(
            {"decision": _("The corrected decision is the same as the recorded one.")}
        )


@transaction.atomic
def decision_correct(
    *,
    actor: User,
    item: AgendaItem,
    decision: str,
    reason: str,
    decision_text: str = "",
    hand_over_to: str = "",
    case_type=None,
) -> AgendaItem:
    """Replace the decision on ``item``; the earlier one stays in the item's history."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting__series", "case", "signal")
        .get(pk=item.pk)
    )
    _check(item, decision, decision_text, hand_over_to, reason)
    old = {
        "decision": item.decision,
        "decision_text": item.decision_text,
        "hand_over_to": item.hand_over_to,
    }
    DecisionCorrection.objects.create(
        item=item,
        decision=item.decision,
        decision_text=item.decision_text,
        hand_over_to=item.hand_over_to,
        decided_by=item.decided_by,
        decided_at=item.decided_at,
        reason=reason.strip(),
        corrected_by=actor,
    )
    signal, earlier = item.signal, item.decision
    why = _("Decision of %(meeting)s corrected to: %(decision)s. %(reason)s") % {
        "meeting": item.meeting,
        "decision": Decision(decision).label,
        "reason": reason.strip(),
    }
    if decision == Decision.OPEN_CASE:
        decisions.open_case(actor, item, case_type)
    _follow(actor, item.signal, earlier, decision, why)
    decisions.store(
        item, actor=actor, decision=decision, text=decision_text, hand_over_to=hand_over_to
    )
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_DECISION_CORRECTED,
        obj=signal,
        purpose=reason.strip(),
        old=old,
        new={
            "meeting": str(item.meeting.uuid),
            "decision": decision,
            "decision_text": item.decision_text,
            "hand_over_to": item.hand_over_to,
            "case": str(item.case.uuid) if item.case else "",
        },
    )
    return item
