"""A made-up measure on a made-up case, complete at every step, for the text editor's
preview: nothing of it is saved, and it names no real person or address."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from weerbaar.cases.models import Case
from weerbaar.interventions.letters.kinds import KINDS, WARNING_CODE
from weerbaar.interventions.models import Instrument, Intervention

CODES = {"waarschuwing": WARNING_CODE, "dwangsom": "last-onder-dwangsom"}


def sample(kind_key: str) -> Intervention:
    kind = KINDS[kind_key]
    instrument = Instrument.objects.filter(
        code=CODES.get(kind_key, "damocles-sluiting")
    ).first() or next(ins for ins in Instrument.objects.all() if kind.offered(ins))
    case = Case(reference="C-2026-0001", title="Voorbeeldstraat 1, 6981 AA Weerdam")
    return Intervention(
        case=case,
        instrument=instrument,
        premise_type="home",
        finding="hemp",
        offence=1,
        suggestion=instrument.name,
        duration_months=None if instrument.is_penalty else 3,
        police_report_on=date(2026, 3, 2),
        police_report_reference="PL0600-2026012345",
        intention_sent_on=date(2026, 3, 9),
        opinion_received_on=date(2026, 3, 16),
        opinion_summary=_("The tenant says he did not know about the hemp farm."),
        opinion_answer=_("The tenant is responsible for what happens in the dwelling."),
        decision_on=date(2026, 4, 1),
        proportionality=_("The closure stops the nuisance; a warning would not."),
        starts_on=date(2026, 4, 15),
        made_known_on=date(2026, 4, 2),
        objection_received_on=date(2026, 5, 1),
        objection_decided_on=date(2026, 6, 10),
        objection_outcome="unfounded",
        objection_reasoning=_("The objection brings no new facts."),
        penalty_amount=Decimal("1000.00"),
        penalty_unit="week",
        penalty_maximum=Decimal("10000.00"),
    )
