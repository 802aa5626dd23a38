"""Demo inspections: a year of integrale controles and Alcoholwet controls with the partners
taking part, their preparation, findings and outcomes (some made into a signal or a case,
some planned from a warehouse alert), upcoming ones, and a year of BRP address checks with
every outcome, a few still open; and a typed list of candidates.

The services refuse to plan in the past, so each is planned for today and then moved back to
its day, as the demo cases are."""

import random
from datetime import timedelta

from django.utils import timezone

from weerbaar.accounts.models import Team, User
from weerbaar.cases.models import CaseType
from weerbaar.inspections import services
from weerbaar.inspections.constants import CheckOutcome, FindingResult, Outcome
from weerbaar.inspections.models import AddressCheck, Inspection, InspectionKind, PartnerKind
from weerbaar.subjects.models import Address, Organisation, Relation
from weerbaar.warehouse.models import Alert

# Who goes along, per kind: the fixed core and the partners drawn from the rest.
CORE = {"integrale-controle": ["politie", "eigen-toezicht"], "alcoholwet": ["eigen-toezicht"]}
NOTES = {
    FindingResult.VIOLATION: [
        "Nooduitgang geblokkeerd door dozen",
        "Geen geldige vergunning aanwezig",
        "Kassasysteem niet aangemeld",
        "Meer personen aanwezig dan toegestaan",
        "Illegale aftap van stroom aangetroffen",
    ],
    FindingResult.IN_ORDER: ["", "", "Alles aanwezig", "In orde bevonden"],
}
RISK = [
    "Geen bijzonderheden bekend bij de politie.",
    "Eigenaar is bekend met geweld tegen ambtenaren; politie gaat als eerste naar binnen.",
    "Honden op het terrein; dierenpolitie op afroep.",
]
RESEARCH = [
    ("https://www.kvk.nl/", "A", "1", "Bestuurder wisselde drie keer in twee jaar."),
    ("https://www.google.com/maps", "B", "2", "Pand lijkt overdag gesloten, 's avonds druk."),
    ("https://www.facebook.com/", "C", "3", "Online aangeboden diensten passen niet bij de SBI."),
]


def _backdate_inspection(inspection: Inspection, day) -> None:
    Inspection.objects.filter(pk=inspection.pk).update(planned_on=day)
    inspection.planned_on = day


def _plan(rng, actor, team, kind, addresses, businesses, day, alert=None) -> Inspection:
    codes = CORE[kind.code] + rng.sample(
        [p for p in PARTNERS if p not in CORE[kind.code]], k=rng.randint(1, 3)
    )
    inspection = services.inspection_plan(
        actor=actor,
        kind=kind,
        planned_on=timezone.localdate(),
        addresses=rng.sample(addresses, k=rng.randint(1, 2)),
        businesses=rng.sample(businesses, k=rng.randint(0, 2)),
        partners=list(PartnerKind.objects.filter(code__in=codes)),
        purpose=rng.choice(["Signalen van ondermijning in de straat.", "Besluit van het LIO.", ""]),
        owner_team=team,
        alert_reference=str(alert.uuid) if alert else "",
    )
    _backdate_inspection(inspection, day)
    return inspection


def _prepare(rng, actor, inspection, day) -> None:
    asked = day - timedelta(days=rng.randint(7, 14))
    services.safety_record(
        actor=actor,
        inspection=inspection,
        asked_on=asked,
        answered_on=asked + timedelta(days=rng.randint(1, 5)),
        outcome=rng.choice(RISK),
    )
    for business in inspection.businesses.all():
        url, source, info, found = rng.choice(RESEARCH)
        services.research_add(
            actor=actor,
            inspection=inspection,
            business=business,
            source_url=url,
            consulted_on=asked,
            found=found,
            source_grade=source,
            info_grade=info,
        )


def _record(rng, actor, inspection, day, violations: bool) -> None:
    for participation in inspection.participations.select_related("partner_kind"):
        partner = participation.partner_kind
        results = {}
        for item in partner.items.filter(active=True):
            result = (
                FindingResult.VIOLATION
                if violations and rng.random() < 0.35
                else rng.choice([FindingResult.IN_ORDER, FindingResult.IN_ORDER, "not_checked"])
            )
            results[item] = (result, rng.choice(NOTES.get(result, [""])))
        services.findings_record(
            actor=actor, inspection=inspection, partner=partner, results=results
        )
    Inspection.objects.filter(pk=inspection.pk).update(held_on=day)


def _close(rng, actor, inspection, case_type, found: list) -> None:
    violations = inspection.findings.filter(result=FindingResult.VIOLATION).exists()
    outcome = Outcome.FINDINGS if violations else Outcome.NO_FINDINGS
    follow = [p.partner_kind for p in inspection.participations.all() if rng.random() < 0.4]
    inspection = services.inspection_close(
        actor=actor,
        inspection=inspection,
        outcome=outcome,
        text="Bevindingen besproken met de eigenaar." if violations else "",
        follow_up=follow if violations else [],
    )
    if not violations:
        return
    # Of the controls with findings, every third becomes a case and the one after a signal.
    found.append(inspection)
    if len(found) % 3 == 1:
        services.inspection_to_case(actor=actor, inspection=inspection, case_type=case_type)
    elif len(found) % 3 == 2:
        services.inspection_to_signal(actor=actor, inspection=inspection)


def _controls(rng, people, team, today) -> int:
    actor = people["toezichthouder"]
    addresses = [a.subject for a in Address.objects.select_related("subject").order_by("pk")]
    businesses = [o.subject for o in Organisation.objects.select_related("subject")[:60]]
    if not addresses:
        return 0
    kinds = {k.code: k for k in InspectionKind.objects.filter(code__in=CORE)}
    alerts = list(Alert.objects.filter(status=Alert.Status.OPEN).order_by("id")[:3])
    damocles = CaseType.objects.get(code="hennep-sluiting")
    made, found = 0, []
    # Twenty integrale controles and four Alcoholwet controls over the past year, about one a
    # fortnight; the last two are held but their outcome is not recorded yet.
    plan = [("integrale-controle", 18 * n + 5) for n in range(20)]
    plan += [("alcoholwet", 80 * n + 30) for n in range(4)]
    for index, (code, days_ago) in enumerate(sorted(plan, key=lambda p: -p[1])):
        day = today - timedelta(days=days_ago)
        alert = alerts.pop() if alerts and index % 6 == 0 else None
        inspection = _plan(rng, actor, team, kinds[code], addresses, businesses, day, alert)
        _prepare(rng, actor, inspection, day)
        _record(rng, actor, inspection, day, violations=rng.random() < 0.6)
        if days_ago > 10:
            _close(rng, actor, inspection, damocles, found)
        made += 1
    # Upcoming: prepared or not yet.
    for days_ahead in (3, 12, 26):
        inspection = services.inspection_plan(
            actor=actor,
            kind=kinds["integrale-controle"],
            planned_on=today + timedelta(days=days_ahead),
            addresses=rng.sample(addresses, k=1),
            businesses=rng.sample(businesses, k=1),
            partners=list(PartnerKind.objects.filter(code__in=["politie", "brandweer"])),
            owner_team=team,
        )
        if days_ahead < 20:
            services.safety_record(actor=actor, inspection=inspection, asked_on=today)
        made += 1
    return made


def _checks(rng, people, team, today) -> int:
    actor = people["toezichthouder"]
    addresses = list(Address.objects.select_related("subject").order_by("pk")[:120])
    if not addresses:
        return 0
    outcomes = [CheckOutcome.CORRECT] * 5 + [CheckOutcome.INCORRECT] * 3 + [CheckOutcome.NOBODY]
    made = 0
    for n in range(40):
        day = today - timedelta(days=9 * n + 2)
        address = rng.choice(addresses).subject
        # Planned for the day it is now, not the day the run began: a run across midnight.
        now = timezone.localdate()
        check = services.check_plan(actor=actor, address=address, planned_on=now, owner_team=team)
        AddressCheck.objects.filter(pk=check.pk).update(planned_on=day)
        persons = [
            r.from_subject
            for r in Relation.objects.filter(to_subject=address, kind="registered_at")
            .select_related("from_subject")
            .order_by("id")[:2]
        ]
        outcome = rng.choice(outcomes)
        services.check_record(
            actor=actor,
            check=check,
            checked_on=day,
            outcome=outcome,
            persons=persons if outcome != CheckOutcome.NOBODY else [],
            notes="Bewoners troffen wij niet thuis." if outcome == CheckOutcome.NOBODY else "",
        )
        made += 1
    for days_ahead in (0, 2, 5):
        services.check_plan(
            actor=actor,
            address=rng.choice(addresses).subject,
            planned_on=max(today + timedelta(days=days_ahead), timezone.localdate()),
            owner_team=team,
        )
        made += 1
    return made


def _typed(rng, people, team) -> None:
    addresses = list(Address.objects.select_related("subject").order_by("-pk")[:10])
    for address, note in zip(
        rng.sample(addresses, k=min(2, len(addresses))),
        [
            "Buren melden veel aanloop in de avond.",
            "Nieuwe eigenaar, pand verbouwd zonder melding.",
        ],
        strict=False,
    ):
        services.typed_candidate_add(
            actor=people["toezichthouder"], address=address.subject, note=note, owner_team=team
        )


PARTNERS = [
    "politie",
    "brandweer",
    "belastingdienst",
    "omgevingsdienst",
    "arbeidsinspectie",
    "netbeheerder",
    "woningcorporatie",
    "eigen-toezicht",
]


def create_inspections(*, seed: int) -> int:
    """The demo year of controls and address checks; how many were made."""
    rng = random.Random(f"demo-inspections-{seed}")
    people = {u.username: u for u in User.objects.all()}
    team = Team.objects.get(name="Handhaving")
    today = timezone.localdate()
    made = _controls(rng, people, team, today) + _checks(rng, people, team, today)
    _typed(rng, people, team)
    return made
