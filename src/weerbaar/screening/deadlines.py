"""The terms of one screening, computed with core's Atw arithmetic.

Wet Bibob art. 15: the LBB advises within eight weeks of the request, extendable once by four.
Art. 31: the term for deciding on the application is suspended from the request until the
advice, at most for the LBB's term; while the advice is pending the whole term counts.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from weerbaar.core.deadlines import equated_days, term_end
from weerbaar.screening.constants import LBB_EXTENSION_WEEKS, LBB_WEEKS, OPINION_WEEKS
from weerbaar.screening.models import Screening


@dataclass(frozen=True)
class Deadline:
    label: str
    due: date
    done: bool
    note: str = ""
    # The municipality's own term; the LBB's term passing is not the municipality's late work.
    ours: bool = True

    def late(self, today: date) -> bool:
        return not self.done and today > self.due


def lbb_due(s: Screening, equated=frozenset()) -> date | None:
    if not s.lbb_requested_on:
        return None
    weeks = LBB_WEEKS + (LBB_EXTENSION_WEEKS if s.lbb_extended else 0)
    return term_end(s.lbb_requested_on, weeks, "weeks", equated)


def suspension_days(s: Screening, equated=frozenset()) -> int:
    """The days the decision term stands still for the LBB's advice (art. 31)."""
    due = lbb_due(s, equated)
    if due is None:
        return 0
    end = min(s.lbb_advised_on, due) if s.lbb_advised_on else due
    return (end - s.lbb_requested_on).days


def opinion_due(s: Screening, equated=frozenset()) -> date | None:
    """The last day the applicant may give an opinion on the intention (Awb art. 4:8)."""
    if not s.intention_sent_on:
        return None
    return term_end(s.intention_sent_on, OPINION_WEEKS, "weeks", equated)


def decision_due(s: Screening, equated=frozenset()) -> date:
    """The last day for the decision, moved by the suspension."""
    start = s.application_received_on + timedelta(days=suspension_days(s, equated))
    return term_end(start, s.permit_kind.decision_weeks, "weeks", equated)


def compute(s: Screening) -> list[Deadline]:
    """Every term the screening has now, in the order of the steps."""
    equated = equated_days()
    rows = []
    if s.questionnaire_sent_on:
        due = term_end(s.questionnaire_sent_on, s.permit_kind.questionnaire_weeks, "weeks", equated)
        rows.append(
            Deadline(
                _("Questionnaire back (then a reminder)"),
                due,
                bool(s.questionnaire_returned_on or s.decision),
            )
        )
    if s.lbb_requested_on:
        rows.append(
            Deadline(
                _("Advice of the LBB"), lbb_due(s, equated), bool(s.lbb_advised_on), ours=False
            )
        )
    if s.intention_sent_on:
        rows.append(
            Deadline(
                _("Opinion of the applicant on the intention"),
                opinion_due(s, equated),
                bool(s.opinion_received_on or s.decision),
                ours=False,
            )
        )
    days = suspension_days(s, equated)
    note = _("moved by %(days)s days of suspension") % {"days": days} if days else ""
    rows.append(
        Deadline(_("Decision on the application"), decision_due(s, equated), bool(s.decision), note)
    )
    return rows
