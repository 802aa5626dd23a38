"""Demo enrichment, links and meetings: signals in every status, graded enrichment, one GSO
and one LIO series with three past meetings, their decisions and open action points."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.cases.models import CaseType
from weerbaar.meetings import services as meetings
from weerbaar.meetings.constants import Decision
from weerbaar.meetings.models import ActionPoint, AgendaItem, Meeting
from weerbaar.signals import services as signals
from weerbaar.signals.constants import SignalStatus, WeighingPhase
from weerbaar.signals.models import Signal
from weerbaar.subjects.models import Relation

SOURCES = [
    (
        "Politie, wijkteam",
        "B",
        "2",
        "lio",
        "Wijkagent ziet 's avonds regelmatig busjes laden en lossen.",
    ),
    (
        "Woningcorporatie",
        "A",
        "1",
        "lio",
        "Huurder staat sinds maart ingeschreven, maar de woning lijkt onbewoond.",
    ),
    (
        "Team Handhaving",
        "B",
        "3",
        "internal",
        "Bij een controle in de straat viel een sterke hennepgeur op.",
    ),
    (
        "Netbeheerder",
        "A",
        "2",
        "lio",
        "Het stroomverbruik is drie keer zo hoog als bij vergelijkbare woningen.",
    ),
    (
        "Anonieme tip (MMA)",
        "D",
        "4",
        "internal",
        "Er zou een tweede pand in gebruik zijn, adres onbekend.",
    ),
    (
        "Belastingdienst",
        "B",
        "2",
        "lio",
        "De omzet past niet bij het aantal klanten dat gezien wordt.",
    ),
]
FACTS = [
    ("Vergunningenregister", "Exploitatievergunning verleend op 1 maart 2024, geldig tot 2027."),
    ("BRP", "Op het adres staan 9 personen ingeschreven, 6 van hen korter dan een jaar."),
]
# The covenant the partners of the LIO signed: the basis of every share in the meeting.
LIO_COVENANT = "Convenant LIO Weerdam 2025, art. 4"
WEIGHING = {
    "purpose": "administrative",
    "purpose_text": "Nagaan of hier sprake is van ondermijnende activiteiten op dit adres.",
    "proportional": True,
    "proportionality_text": "Alleen gegevens over dit adres en de direct betrokkenen.",
    "subsidiary": True,
    "subsidiarity_text": "Navraag bij één partner geeft onvoldoende zicht; een breder beeld is nodig.",
}


def _enrich(rng, signal, regisseur) -> None:
    signals.weighing_record(
        actor=regisseur, signal=signal, phase=WeighingPhase.ENRICHMENT, **WEIGHING
    )
    for source, sg, ig, visibility, text in rng.sample(SOURCES, 2):
        signals.enrichment_add(
            actor=regisseur,
            signal=signal,
            text=text,
            source=source,
            source_date=signal.reported_on,
            source_grade=sg,
            info_grade=ig,
            visibility=visibility,
        )
    source, text = rng.choice(FACTS)
    signals.enrichment_add(
        actor=regisseur,
        signal=signal,
        kind="fact",
        text=text,
        source=source,
        source_date=signal.reported_on,
        visibility="lio",
    )


def _link(signal, regisseur) -> None:
    """The signal's address and the people registered there."""
    if not signal.address_id:
        return
    signals.signal_link_subject(
        actor=regisseur, signal=signal, subject=signal.address, role="location"
    )
    residents = Relation.objects.filter(to_subject=signal.address_id).select_related(
        "from_subject"
    )[:2]
    for relation in residents:
        signals.signal_link_subject(
            actor=regisseur, signal=signal, subject=relation.from_subject, role="involved"
        )


def _to_lio(signal, regisseur) -> Signal:
    if signal.status == SignalStatus.NEW:
        signal = signals.signal_set_status(
            actor=regisseur, signal=signal, status=SignalStatus.IN_PROGRESS
        )
    return signals.signal_set_status(actor=regisseur, signal=signal, status=SignalStatus.FOR_LIO)


def _case_weighing(signal, regisseur) -> None:
    signals.weighing_record(
        actor=regisseur,
        signal=signal,
        phase=WeighingPhase.CASE,
        **{**WEIGHING, "purpose_text": "Een bestuurlijke maatregel voorbereiden."},
    )


DECISIONS = [
    Decision.MONITOR,
    Decision.INSPECTION,
    Decision.OPEN_CASE,
    Decision.NO_ACTION,
    Decision.ENRICH,
    Decision.RIEC,
    Decision.HAND_OVER,
]


def _past_meeting(rng, series, when, pool, people) -> None:
    regisseur = people["regisseur"]
    case_types = list(CaseType.objects.order_by("code"))
    meeting = meetings.meeting_plan(
        actor=regisseur, series=series, starts_at=when, location="Stadhuis, kamer 2.14"
    )
    chosen = [_to_lio(pool.pop(), regisseur) for _ in range(min(3, len(pool)))]
    meetings.agenda_add(
        actor=regisseur, meeting=meeting, signals_with_reason=[(s, "new") for s in chosen]
    )
    for item in meeting.items.order_by("position"):
        if series.kind == "lio":
            signals.weighing_record(
                actor=regisseur,
                signal=item.signal,
                phase=WeighingPhase.SHARING,
                **{**WEIGHING, "purpose_text": "Bespreken met de partners van het LIO."},
            )
            meetings.item_share(actor=regisseur, item=item, shared=True, legal_basis=LIO_COVENANT)
        decision = rng.choice(DECISIONS)
        case_type = None
        if decision == Decision.OPEN_CASE:
            _case_weighing(item.signal, regisseur)
            case_type = rng.choice(case_types)
        meetings.item_notes(
            actor=regisseur,
            item=item,
            notes="Partners herkennen het beeld; aanvullende info volgt.",
        )
        meetings.item_decide(
            actor=regisseur,
            item=item,
            decision=decision,
            decision_text="Besproken en besloten in het overleg.",
            hand_over_to="Woningcorporatie" if decision == Decision.HAND_OVER else "",
            case_type=case_type,
        )
        if decision != Decision.NO_ACTION:
            action = meetings.action_add(
                actor=regisseur,
                item=item,
                description=rng.choice(
                    [
                        "Adrescontrole plannen",
                        "Navraag bij de netbeheerder",
                        "Eigenaar aanschrijven",
                    ]
                ),
                owner=rng.choice([people["behandelaar"], people["toezichthouder"], regisseur]),
                due_on=timezone.localdate() + timedelta(days=30),
            )
            # Dates as they were: some points are done, some open, some overdue.
            due = when.date() + timedelta(days=rng.choice([14, 28, 60]))
            done = due - timedelta(days=3) if rng.random() < 0.4 else None
            ActionPoint.objects.filter(pk=action.pk).update(due_on=due, done_on=done)
    AgendaItem.objects.filter(meeting=meeting).update(decided_at=when)
    meetings.meeting_held(actor=regisseur, meeting=meeting)
    Meeting.objects.filter(pk=meeting.pk).update(agenda_sent_at=when - timedelta(days=7))


def create_meetings(*, seed: int) -> None:
    rng = random.Random(f"demo-lio-{seed}")
    people = {u.username: u for u in User.objects.all()}
    regisseur = people["regisseur"]
    open_signals = list(
        Signal.objects.filter(status__in=[SignalStatus.NEW, SignalStatus.IN_PROGRESS])
        .select_related("address")
        .order_by("id")
    )
    rng.shuffle(open_signals)
    enriched = open_signals[:26]
    for signal in enriched:
        _link(signal, regisseur)
        _enrich(rng, signal, regisseur)
    series = {
        "gso": meetings.series_create(
            actor=regisseur,
            name="Signalenoverleg Weerdam",
            kind="gso",
            interval_weeks=2,
            participants=[
                people[u] for u in ("regisseur", "medewerker", "behandelaar", "toezichthouder")
            ],
        ),
        "lio": meetings.series_create(
            actor=regisseur,
            name="LIO Weerdam",
            kind="lio",
            interval_weeks=4,
            participants=[
                people[u] for u in ("regisseur", "ketenpartner", "behandelaar", "burgemeester")
            ],
        ),
    }
    pool = list(enriched)
    today = timezone.localdate()
    for kind, weeks in (("gso", 2), ("lio", 4)):
        for n in (3, 2, 1):
            day = today - timedelta(weeks=weeks * n)
            when = timezone.make_aware(datetime.combine(day, time(10, 0)))
            _past_meeting(rng, series[kind], when, pool, people)
    # What the next LIO can take up: signals marked for it, not yet on an agenda.
    for signal in pool[:4]:
        _to_lio(signal, regisseur)
    for kind, weeks in (("gso", 2), ("lio", 4)):
        when = timezone.make_aware(datetime.combine(today + timedelta(days=weeks * 3), time(10, 0)))
        meetings.meeting_plan(
            actor=regisseur, series=series[kind], starts_at=when, location="Stadhuis, kamer 2.14"
        )
