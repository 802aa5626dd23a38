"""A Damocles closure taken through its procedure step by step, for the letter tests."""

from datetime import date

from tests.interventions.test_interventions import _case, _instrument
from weerbaar.interventions import services

REPORT = {"police_report_on": date(2026, 4, 20), "police_report_reference": "PL0600-2026-4711"}
# Each step's recorded facts, in the order of the procedure.
STEPS = {
    "intention": {**REPORT, "intention_sent_on": date(2026, 4, 27)},
    "opinion": {
        "opinion_received_on": date(2026, 5, 6),
        "opinion_summary": "De huurder zegt van niets te weten.",
        "opinion_answer": "De huurder is verantwoordelijk voor wat in het pand gebeurt.",
    },
    "decision": {
        "decision_on": date(2026, 5, 13),
        "proportionality": "De kwekerij bracht brandgevaar voor de buren.",
        "starts_on": date(2026, 6, 15),
        "made_known_on": date(2026, 5, 14),
    },
    "objection": {"objection_received_on": date(2026, 5, 20)},
    "objection_decided": {
        "objection_decided_on": date(2026, 5, 29),
        "objection_outcome": "unfounded",
        "objection_reasoning": "Het bezwaar brengt geen nieuwe feiten.",
    },
}


def closure(actor, team, *, until: str | None = None, **start):
    """A closure of three months on business premises (the matrix's measure), with the steps
    recorded up to and including ``until``."""
    code = start.pop("code", "damocles-sluiting")
    intervention = services.intervention_start(
        actor=actor,
        case=_case(actor, team),
        instrument=_instrument(code),
        # The matrix gives a warning for a first hemp farm in a home, a closure for business.
        premise_type="home" if code == "bestuurlijke-waarschuwing" else "business",
        finding="hemp",
        offence=1,
        duration_months=3 if code == "damocles-sluiting" else None,
        **start,
    )
    for step, facts in STEPS.items():
        if until is None:
            break
        intervention = services.intervention_record(actor=actor, intervention=intervention, **facts)
        if step == until:
            break
    intervention.refresh_from_db()
    return intervention
