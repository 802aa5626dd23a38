"""The deadlines of one intervention, computed from its dates with core's Atw arithmetic."""

from datetime import date

from weerbaar.core.deadlines import add_months, equated_days, term_end
from weerbaar.interventions.constants import DeadlineKind
from weerbaar.interventions.models import Intervention

# Deadlines by which the municipality itself must act; the others are the party's terms,
# which are shown but can never be "overdue" for an official.
OURS = {
    DeadlineKind.COMPLIANCE,
    DeadlineKind.OBJECTION_DECISION,
    DeadlineKind.CLOSURE_END,
    DeadlineKind.COLLECTION,
}


def compute(i: Intervention) -> list[tuple[DeadlineKind, date, bool, object]]:
    """(kind, due day, done, forfeiture) for every deadline the intervention has now."""
    equated = equated_days()
    ins = i.instrument
    rows = []
    if i.intention_sent_on and not i.opinion_skipped_reason:
        due = term_end(i.intention_sent_on, ins.opinion_weeks, "weeks", equated)
        rows.append((DeadlineKind.OPINION, due, bool(i.opinion_received_on or i.decision_on), None))
    if i.made_known_on and ins.compliance_days:
        due = term_end(i.made_known_on, ins.compliance_days, "days", equated)
        # Done once it was checked: executed, finished, or a penalty forfeited after it.
        checked = bool(i.execution_from or i.result or (i.pk and i.forfeitures.exists()))
        rows.append((DeadlineKind.COMPLIANCE, due, checked, None))
    if i.made_known_on and ins.is_decision:
        objection_end = term_end(i.made_known_on, ins.objection_weeks, "weeks", equated)
        rows.append((DeadlineKind.OBJECTION, objection_end, bool(i.objection_received_on), None))
        if i.objection_received_on:
            # Awb 7:10: counted from the end of the objection term.
            weeks = (
                ins.committee_decision_weeks
                if i.advisory_committee
                else ins.objection_decision_weeks
            )
            weeks += ins.extension_weeks if i.objection_extended else 0
            due = term_end(objection_end, weeks, "weeks", equated)
            rows.append((DeadlineKind.OBJECTION_DECISION, due, bool(i.objection_decided_on), None))
    if i.objection_decided_on:
        due = term_end(i.objection_decided_on, ins.appeal_weeks, "weeks", equated)
        rows.append((DeadlineKind.APPEAL, due, bool(i.appeal_lodged_on), None))
    if i.execution_until:
        rows.append((DeadlineKind.CLOSURE_END, i.execution_until, bool(i.reopened_on), None))
    for forfeiture in i.forfeitures.all():
        # Art. 5:35 Awb: the power to collect lapses one year after forfeiture. The exact
        # anniversary is shown, never a later day: collection must not wait for an extension.
        due = add_months(forfeiture.forfeited_on, 12)
        rows.append((DeadlineKind.COLLECTION, due, bool(forfeiture.collected_on), forfeiture))
    return rows
