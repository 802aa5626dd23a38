"""Demo Bibob screenings in every state: a new application, a questionnaire past its term,
an advice asked (once extended), an advice received, an intention with an opinion, and
decisions granted, granted with conditions, refused and withdrawn, with their letters."""

import random
from datetime import timedelta

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.screening import services
from weerbaar.screening.models import ChecklistItem, PermitKind
from weerbaar.subjects.models import Organisation, Person

FINDINGS = {
    "identiteit": (
        "Identiteit van de bestuurder vastgesteld aan de hand van het paspoort.",
        "A",
        "1",
    ),
    "zeggenschap": (
        "De aandeelhouder is ook bestuurder van twee andere horecazaken in de regio.",
        "B",
        "2",
    ),
    "financiering": (
        "De verbouwing is betaald met een lening van een familielid zonder schriftelijke "
        "overeenkomst.",
        "C",
        "3",
    ),
    "antecedenten": ("Een krantenbericht noemt de financier bij een eerdere sluiting.", "C", "2"),
}
CONDITIONS = (
    "Geen contante betalingen boven € 3.000; de leidinggevende staat in het aanhangsel van de "
    "vergunning en een wijziging wordt vooraf gemeld."
)


def _steps(actor, s, **steps):
    return services.screening_record_steps(actor=actor, screening=s, version=s.version, **steps)


def _investigate(actor, s, today, *, received_ago: int, findings: bool) -> object:
    s = _steps(
        actor,
        s,
        questionnaire_sent_on=today - timedelta(days=received_ago - 2),
        questionnaire_returned_on=today - timedelta(days=received_ago - 16),
    )
    if findings:
        for code, (text, source, info) in FINDINGS.items():
            services.finding_record(
                actor=actor,
                screening=s,
                item=ChecklistItem.objects.get(code=code),
                text=text,
                source_grade=source,
                info_grade=info,
            )
    s.refresh_from_db()
    return s


def _advised(actor, s, today, *, received_ago: int, degree: str, extended=False):
    s = _investigate(actor, s, today, received_ago=received_ago, findings=True)
    asked = today - timedelta(days=received_ago - 20)
    return _steps(
        actor,
        s,
        lbb_requested_on=asked,
        applicant_informed_on=asked + timedelta(days=1),
        lbb_extended=extended,
        lbb_advised_on=asked + timedelta(days=40),
        lbb_degree=degree,
    )


def _decide(actor, s, day, decision, **extra):
    return services.screening_decide(
        actor=actor, screening=s, version=s.version, decision=decision, decided_on=day, **extra
    )


def _intend(actor, s, day, intention, **extra):
    return services.screening_record_intention(
        actor=actor,
        screening=s,
        version=s.version,
        intention=intention,
        intention_sent_on=day,
        **extra,
    )


def create_screenings(*, seed: int) -> int:
    rng = random.Random(f"demo-screening-{seed}")
    actor = User.objects.get(username="bibob")
    today = timezone.localdate()
    kinds = {k.code: k for k in PermitKind.objects.all()}
    companies = list(Organisation.objects.select_related("subject").order_by("subject_id")[:40])
    people = list(Person.objects.select_related("subject").order_by("subject_id")[:40])
    rng.shuffle(companies)
    rng.shuffle(people)

    def start(kind: str, received_ago: int, n: int):
        s = services.screening_start(
            actor=actor,
            permit_kind=kinds[kind],
            applicant=companies[n].subject,
            application_received_on=today - timedelta(days=received_ago),
        )
        services.party_add(actor=actor, screening=s, subject=people[n].subject, role="bestuurder")
        services.party_add(
            actor=actor, screening=s, subject=people[n + 20].subject, role="financier"
        )
        s.refresh_from_db()
        return s

    start("drank-horeca", 3, 0)  # new
    late = start("exploitatie", 45, 1)  # the questionnaire is past its term: a reminder is due
    _steps(actor, late, questionnaire_sent_on=today - timedelta(days=43))
    _investigate(actor, start("speelautomaten", 30, 2), today, received_ago=30, findings=True)
    pending = _investigate(
        actor, start("drank-horeca", 60, 3), today, received_ago=60, findings=True
    )
    _steps(
        actor,
        pending,
        lbb_requested_on=today - timedelta(days=40),
        applicant_informed_on=today - timedelta(days=39),
    )
    extended = _investigate(
        actor, start("seksinrichting", 95, 4), today, received_ago=95, findings=True
    )
    _steps(
        actor,
        extended,
        lbb_requested_on=today - timedelta(days=70),
        applicant_informed_on=today - timedelta(days=69),
        lbb_extended=True,
    )
    _advised(actor, start("exploitatie", 90, 5), today, received_ago=90, degree="lesser")

    heard = _advised(
        actor, start("drank-horeca", 100, 6), today, received_ago=100, degree="serious"
    )
    _intend(
        actor,
        heard,
        today - timedelta(days=30),
        "refuse",
        opinion_received_on=today - timedelta(days=20),
        opinion_summary="De aanvrager stelt dat de financier alleen een kennis is.",
    )

    granted = _advised(actor, start("drank-horeca", 120, 7), today, received_ago=120, degree="none")
    granted = _decide(actor, granted, today - timedelta(days=55), "grant")
    services.letter_make(actor=actor, screening=granted, kind="besluit")

    with_conditions = _advised(
        actor, start("drank-horeca", 140, 8), today, received_ago=140, degree="lesser"
    )
    with_conditions = _intend(
        actor, with_conditions, today - timedelta(days=70), "conditions", conditions=CONDITIONS
    )
    services.letter_make(actor=actor, screening=with_conditions, kind="voornemen")
    with_conditions = _decide(
        actor, with_conditions, today - timedelta(days=50), "conditions", conditions=CONDITIONS
    )
    services.letter_make(actor=actor, screening=with_conditions, kind="besluit")

    refused = _advised(
        actor, start("exploitatie", 160, 9), today, received_ago=160, degree="serious"
    )
    refused = _intend(
        actor,
        refused,
        today - timedelta(days=90),
        "refuse",
        opinion_received_on=today - timedelta(days=80),
        opinion_summary="De aanvrager betwist de herkomst van het geld niet: het was een gift.",
    )
    refused = _decide(
        actor,
        refused,
        today - timedelta(days=70),
        "refuse",
        opinion_answer="Een gift van deze omvang zonder stukken maakt de herkomst niet duidelijk.",
    )
    services.letter_make(actor=actor, screening=refused, kind="besluit")

    withdrawn = _investigate(
        actor, start("speelautomaten", 80, 10), today, received_ago=80, findings=False
    )
    _decide(actor, withdrawn, today - timedelta(days=40), "withdrawn")
    return 11
