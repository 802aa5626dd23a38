"""Demo cases and interventions: every case type over several years, Damocles closures with
repeat offences, penalty orders with forfeitures, and deadlines this week, overdue and moved
past a holiday."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from weerbaar.accounts.models import Team, User
from weerbaar.cases import services as cases
from weerbaar.cases.models import Case, CaseType, StatusChange
from weerbaar.core.deadlines import is_working_day, raw_end
from weerbaar.interventions import services as interventions
from weerbaar.interventions.models import Instrument
from weerbaar.subjects.models import Address

RISK = "Politie: geen bijzondere risico's; twee agenten aanwezig bij de sluiting."


def _backdate(case: Case, day) -> None:
    Case.objects.filter(pk=case.pk).update(opened_on=day)
    StatusChange.objects.filter(case=case).update(
        changed_at=timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    )
    case.opened_on = day


def _open(actor, case_type, title, team, address, day) -> Case:
    case = cases.case_open(
        actor=actor,
        case_type=case_type,
        title=title,
        owner_team=team,
        subjects=[(address.subject, "location")],
    )
    _backdate(case, day)
    return case


OPINION = (
    "De bewoner stelt dat hij niet wist dat er in de schuur hennep werd gekweekt en vraagt "
    "om af te zien van sluiting."
)
OPINION_ANSWER = (
    "De bewoner is als huurder verantwoordelijk voor wat er in en om de woning gebeurt; de "
    "kwekerij stond in een afgesloten schuur bij de woning. Dit is geen reden om af te zien "
    "van sluiting."
)
PROPORTIONALITY = (
    "De sluiting herstelt de openbare orde rond de woning en doorbreekt de bekendheid van "
    "het pand in het criminele circuit. Een lichter middel volstaat niet bij een tweede "
    "overtreding; de duur volgt het Damoclesbeleid."
)


def _closure(actor, owner, case, *, decided, months, executed=True, finish=True):
    """A Damocles closure decided on ``decided``, optionally executed and finished."""
    instrument = Instrument.objects.get(code="damocles-sluiting")
    i = interventions.intervention_start(
        actor=actor,
        case=case,
        instrument=instrument,
        owner=owner,
        premise_type="home",
        finding="hemp",
        offence=2,
        duration_months=months,
        deviation_reason="" if months == 3 else "Ernstige overlast voor de buurt.",
    )
    steps = {
        # What the letters state: the police report behind the measure, the zienswijze and
        # the answer to it, the weighing of interests and the day the closure takes effect.
        "police_report_on": decided - timedelta(days=35),
        "police_report_reference": f"PL0900-{decided:%Y}-{case.pk:05d}",
        "intention_sent_on": decided - timedelta(days=21),
        "opinion_received_on": decided - timedelta(days=8),
        "opinion_summary": OPINION,
        "opinion_answer": OPINION_ANSWER,
        "decision_on": decided,
        "proportionality": PROPORTIONALITY,
        "starts_on": decided + timedelta(days=16),
        "made_known_on": decided + timedelta(days=1),
    }
    if executed:
        steps |= {
            "risk_assessment_requested_on": decided - timedelta(days=3),
            "risk_assessment_note": RISK,
            "execution_from": decided + timedelta(days=16),
            "seal_placed_on": decided + timedelta(days=16),
        }
    i = interventions.intervention_record(actor=actor, intervention=i, **steps)
    if finish:
        interventions.intervention_record(
            actor=actor, intervention=i, reopened_on=i.execution_until
        )
        interventions.intervention_finish(actor=actor, intervention=i, result="executed")
    return i


def _warning(actor, owner, case, day):
    i = interventions.intervention_start(
        actor=actor,
        case=case,
        instrument=Instrument.objects.get(code="bestuurlijke-waarschuwing"),
        owner=owner,
        premise_type="home",
        finding="hemp",
        offence=1,
    )
    interventions.intervention_record(
        actor=actor,
        intervention=i,
        opinion_skipped_reason="Een waarschuwing is geen besluit.",
        decision_on=day,
    )
    interventions.intervention_finish(actor=actor, intervention=i, result="executed")


def _holiday_made_known(today):
    """A recent day whose six-week objection term would end on a holiday (or else a
    weekend day), so the demo shows a deadline the Atw moved on."""
    for back in range(2, 90):
        day = today - timedelta(days=back)
        end = raw_end(day, 6, "weeks")
        if end.weekday() < 5 and not is_working_day(end):
            return day
    return today - timedelta(days=2)


def _every_type(rng, regisseur, team, addresses, today) -> int:
    """Every case type, spread over four years; the older ones closed with a result."""
    count = 0
    for n, case_type in enumerate(CaseType.objects.order_by("code")):
        for k in range(3):
            address = addresses[(n * 3 + k) % len(addresses)]
            day = today - timedelta(days=rng.randint(30, 1400))
            case = _open(
                regisseur, case_type, f"{case_type.name}: {address.display}", team, address, day
            )
            count += 1
            if rng.random() < 0.5:
                cases.case_set_status(actor=regisseur, case=case, status=case_type.statuses[1])
            if day < today - timedelta(days=365):
                cases.case_close(actor=regisseur, case=case, result=rng.choice(case_type.results))
    return count


def _damocles(regisseur, bart, team, addresses, today) -> int:
    """Repeat offences (a warning years ago, then a closure) and closures still running:
    compliance due this week, compliance overdue, an objection term moved past a holiday."""
    hemp = CaseType.objects.get(code="hennep-sluiting")
    for address in addresses[60:64]:
        first = _open(
            regisseur,
            hemp,
            f"Hennep: {address.display}",
            team,
            address,
            today - timedelta(days=900),
        )
        _warning(regisseur, bart, first, today - timedelta(days=880))
        cases.case_close(actor=regisseur, case=first, result="Waarschuwing gegeven")
        second = _open(
            regisseur,
            hemp,
            f"Hennep, herhaling: {address.display}",
            team,
            address,
            today - timedelta(days=300),
        )
        _closure(regisseur, bart, second, decided=today - timedelta(days=280), months=3)
    decided_days = [
        today - timedelta(days=11),
        today - timedelta(days=22),
        _holiday_made_known(today) - timedelta(days=1),
    ]
    for address, decided in zip(addresses[70:73], decided_days, strict=True):
        case = _open(
            regisseur,
            hemp,
            f"Hennep, lopend: {address.display}",
            team,
            address,
            decided - timedelta(days=40),
        )
        _closure(regisseur, bart, case, decided=decided, months=6, executed=False, finish=False)
    return 4 * 2 + 3


def _penalty_orders(regisseur, bart, team, addresses, today) -> int:
    order_type = CaseType.objects.get(code="illegale-huisvesting")
    for k, address in enumerate(addresses[80:83]):
        case = _open(
            regisseur,
            order_type,
            f"Kamerverhuur: {address.display}",
            team,
            address,
            today - timedelta(days=200),
        )
        i = interventions.intervention_start(
            actor=regisseur,
            case=case,
            instrument=Instrument.objects.get(code="last-onder-dwangsom"),
            owner=bart,
            penalty_amount=Decimal("5000"),
            penalty_unit="violation",
            penalty_maximum=Decimal("20000"),
        )
        decided = today - timedelta(days=150)
        interventions.intervention_record(
            actor=regisseur,
            intervention=i,
            intention_sent_on=decided - timedelta(days=30),
            opinion_received_on=decided - timedelta(days=10),
            decision_on=decided,
            made_known_on=decided + timedelta(days=2),
        )
        for m in range(k + 1):
            interventions.forfeiture_add(
                actor=regisseur,
                intervention=i,
                forfeited_on=decided + timedelta(days=30 * (m + 1)),
                amount=Decimal("5000"),
            )
    return 3


def _share_riec_case(regisseur) -> None:
    """One running RIEC case shared with the police, with its basis and weighing."""
    partner = Team.objects.filter(name="Politie basisteam", is_external=True).first()
    case = Case.objects.filter(case_type__riec=True, closed_on__isnull=True).order_by("id").first()
    if partner is None or case is None:
        return
    cases.case_share(
        actor=regisseur,
        case=case,
        team=partner,
        purpose="Bespreking van de casus in het RIEC-casusoverleg",
        legal_basis="RIEC-convenant, art. 6 lid 1 sub e AVG",
        proportional=True,
        proportionality_text="Alleen de kop van de casus: type, status en RIEC-kenmerk.",
        subsidiary=True,
        subsidiarity_text="Zonder deze gegevens kan de politie de casus niet voorbereiden.",
    )


def create_cases(*, seed: int) -> int:
    rng = random.Random(f"demo-cases-{seed}")
    people = {u.username: u for u in User.objects.all()}
    regisseur, bart = people["regisseur"], people["behandelaar"]
    team = Team.objects.get(name="Handhaving")
    addresses = list(Address.objects.select_related("subject").order_by("subject_id")[:120])
    today = timezone.localdate()
    count = (
        _every_type(rng, regisseur, team, addresses, today)
        + _damocles(regisseur, bart, team, addresses, today)
        + _penalty_orders(regisseur, bart, team, addresses, today)
    )
    _share_riec_case(regisseur)
    return count
