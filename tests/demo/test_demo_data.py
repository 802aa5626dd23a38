import io

import pytest
from django.core.management import CommandError, call_command

from weerbaar.accounts.models import User
from weerbaar.audit.services import audit_verify
from weerbaar.subjects.models import Person, Relation, Subject
from weerbaar.subjects.selectors import subject_search

pytestmark = pytest.mark.django_db


def _load(seed=3, scale=0.25):
    out = io.StringIO()
    call_command("demo-data", seed=seed, scale=scale, quiet_progress=True, stdout=out)
    return out.getvalue()


def test_demo_municipality_is_complete_and_searchable():
    output = _load()
    assert Person.objects.filter(subject__source="BRP").count() == 500  # and 16 from reports
    assert Subject.objects.filter(kind="address").count() == 200
    assert Relation.objects.filter(kind="registered_at").count() >= 500
    assert set(User.objects.values_list("username", flat=True)) >= {
        "regisseur",
        "medewerker",
        "behandelaar",
        "toezichthouder",
        "bibob",
        "ketenpartner",
        "burgemeester",
        "beheerder",
        "fg",
    }
    regisseur = User.objects.get(username="regisseur")
    password = next(
        line.split()[1] for line in output.splitlines() if line.strip().startswith("regisseur")
    )
    assert regisseur.check_password(password)
    person = Person.objects.order_by("subject_id")[7]
    hits = subject_search(
        user=regisseur, query=f"{person.given_names} {person.prefix} {person.surname}"
    )
    assert person.subject_id in [h.subject.pk for h in hits]
    # The police partner sees only what was shared with its team.
    partner = User.objects.get(username="ketenpartner")
    assert Subject.objects.count() > 5
    from weerbaar.subjects.selectors import subjects_visible_to

    assert subjects_visible_to(partner).count() == 5


def test_demo_reports_from_every_inflow():
    from weerbaar.intake.models import Message, Report

    output = _load()
    for channel in ("public", "internal", "partner", "mma"):
        assert Report.objects.filter(channel=channel).count() >= 3, channel
    verified = audit_verify()  # public reports' day-only moments among them (#12)
    assert verified.ok and verified.checked > 100, verified
    assert Message.objects.filter(direction="to_reporter").exists()
    assert (
        Report.objects.filter(shielded=True).exists()
        or Report.objects.filter(channel="internal").count() < 10
    )
    days = set(Report.objects.values_list("submitted_on", flat=True))
    assert len(days) > 5  # spread over two years, not all today
    assert "receipt code" in output


def test_same_seed_same_municipality():
    from weerbaar.intake.models import Report
    from weerbaar.privacy.models import DataRequest, EmergencyAccess
    from weerbaar.signals.models import Signal

    _load(seed=11)
    first = list(Subject.objects.order_by("id").values_list("uuid", "label")[:50])
    from weerbaar.cases.models import Case
    from weerbaar.inspections.models import AddressCheck, Inspection, TypedCandidate
    from weerbaar.interventions.models import Intervention
    from weerbaar.meetings.models import Meeting, MeetingSeries
    from weerbaar.screening.models import Screening

    Screening.objects.all().delete()
    EmergencyAccess.objects.all().delete()
    DataRequest.objects.all().delete()
    TypedCandidate.objects.all().delete()
    AddressCheck.objects.update(follow_up=None)
    AddressCheck.objects.all().delete()
    Inspection.objects.all().delete()
    Meeting.objects.all().delete()
    MeetingSeries.objects.all().delete()
    Intervention.objects.all().delete()
    Case.objects.all().delete()
    Report.objects.all().delete()
    Signal.objects.all().delete()
    Subject.objects.all().delete()
    User.objects.all().delete()
    _load(seed=11)
    assert list(Subject.objects.order_by("id").values_list("uuid", "label")[:50]) == first


def test_refuses_a_filled_database_and_production(settings):
    _load()
    with pytest.raises(CommandError, match="already holds subjects"):
        _load()
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        _load()


def test_demo_has_the_whole_signal_and_lio_flow():
    from weerbaar.meetings.models import ActionPoint, Meeting
    from weerbaar.signals.constants import SignalStatus
    from weerbaar.signals.models import Enrichment, Signal, SignalSubject

    _load()
    assert set(Signal.objects.values_list("status", flat=True)) == set(SignalStatus.values)
    assert Enrichment.objects.filter(kind="soft").exclude(source_grade="").exists()
    assert Enrichment.objects.filter(kind="fact").exists()
    assert Enrichment.objects.filter(visibility="lio").exists()
    assert SignalSubject.objects.exists()
    for kind in ("gso", "lio"):
        held = Meeting.objects.filter(series__kind=kind, status="held")
        assert held.count() == 3
        assert all(m.items.exclude(decision="").exists() for m in held)
        assert Meeting.objects.filter(series__kind=kind, status="planned").exists()
    assert ActionPoint.objects.filter(done_on__isnull=True).exists()
    assert Signal.objects.filter(status="for_lio").exists()


def test_demo_has_cases_of_every_type_and_live_deadlines():
    from datetime import timedelta

    from django.utils import timezone

    from weerbaar.cases.models import Case, CaseType
    from weerbaar.core.deadlines import raw_end
    from weerbaar.interventions.models import Deadline, Forfeiture, Intervention

    _load()
    today = timezone.localdate()
    assert set(Case.objects.values_list("case_type", flat=True)) == set(
        CaseType.objects.values_list("pk", flat=True)
    )
    assert Case.objects.filter(opened_on__lt=today - timedelta(days=3 * 365)).exists()
    closures = Intervention.objects.filter(instrument__code="damocles-sluiting", result="executed")
    assert closures.count() >= 4
    assert Forfeiture.objects.count() >= 3
    open_ = Deadline.objects.filter(done=False)
    assert open_.filter(due_on__gte=today, due_on__lte=today + timedelta(days=7)).exists()
    assert open_.filter(due_on__lt=today, kind="compliance").exists()
    moved = [
        d
        for d in open_.filter(kind="objection", due_on__gte=today)
        if raw_end(d.intervention.made_known_on, 6, "weeks") != d.due_on
    ]
    assert moved, "an objection term moved past a holiday or weekend"

    # A decided closure states what its letters need, so the demo can make them (#14).
    from weerbaar.interventions.letters import refusal

    closure = Intervention.objects.filter(
        instrument__code="damocles-sluiting", decision_on__isnull=False
    ).first()
    assert refusal(closure, "besluit") == "" and refusal(closure, "voornemen") == ""

    # A running RIEC case is shared with the police partner, with its basis and weighing (P20).
    from weerbaar.cases.models import PartnerShare

    shared = PartnerShare.objects.select_related("case", "share__team").get()
    assert shared.case.case_type.riec and shared.share.team.is_external
    assert shared.share.legal_basis and shared.subsidiarity_text


def test_demo_warehouse_has_an_alert_for_every_rule():
    from weerbaar.warehouse.models import Alert, ImportRun
    from weerbaar.warehouse.rules import all_rules

    _load()
    assert set(ImportRun.objects.values_list("status", flat=True)) == {"loaded"}
    assert set(Alert.objects.values_list("rule", flat=True)) == {r.code for r in all_rules()}
    assert set(ImportRun.objects.values_list("source", flat=True)) >= {"kvk-csv", "permits-csv"}
    # the planted permit of a closed premises' tenant, elsewhere
    assert Alert.objects.filter(rule="return_of_closed", key="vergunning V-PLANT-0001").exists()
    # the nail studio the warehouse flags is a subject the Bibob coordinator can find (#18)
    from weerbaar.subjects.models import Organisation

    assert Organisation.objects.get(kvk_number="79999999").subject.source == "KvK"
    # the BRP holds the demo's own persons (hits open their pages by hashed BSN), and some
    # persons known only from reports are found in it by record linkage
    from weerbaar.core.bsn import bsn_hash
    from weerbaar.demo.names import valid_bsn
    from weerbaar.subjects.models import Person
    from weerbaar.warehouse.models import RegistryLink

    assert Person.objects.filter(bsn_hash=bsn_hash(valid_bsn(0))).exists()
    reported = Person.objects.filter(bsn_hash="", subject__source="melding").count()
    linked = RegistryLink.objects.filter(status__in=["linked", "review"]).count()
    assert reported == 16 + 3 + 4 and linked >= 12
    # residents recorded a second time from a report are proposed as duplicates (#18)
    from weerbaar.subjects.models import DuplicatePair

    pairs = DuplicatePair.objects.filter(status="open", first__kind="person")
    tied = [p for p in pairs if p.explanation.get("sides")]
    assert len(tied) >= 2
    # and the two non-residents recorded twice, by comparing the persons without a BSN
    compared = {(p.first.person.surname, p.second.person.surname)
                for p in pairs if p.explanation.get("compared")}  # fmt: skip
    assert {("Petrović", "Petrovic"), ("Popescu", "Popesku")} <= compared


def test_demo_has_screenings_in_every_state_with_their_letters():
    from django.utils import timezone

    from weerbaar.screening.constants import Decision, Status
    from weerbaar.screening.models import Screening, ScreeningLetter
    from weerbaar.screening.selectors import deadline_rows

    _load()
    assert set(Screening.objects.values_list("status", flat=True)) == set(Status.values)
    decided = Screening.objects.filter(status=Status.DECIDED)
    assert set(decided.values_list("decision", flat=True)) == set(Decision.values)
    assert set(ScreeningLetter.objects.values_list("kind", flat=True)) == {"voornemen", "besluit"}
    coordinator = User.objects.get(username="bibob")
    # the questionnaire past its term: a reminder is due, late on the deadline overview
    today = timezone.localdate()
    assert any(row.ours and row.due_on < today for row in deadline_rows(coordinator))


def test_demo_has_police_information_that_only_the_case_team_reads():
    from weerbaar.police.models import Provision
    from weerbaar.police.selectors import provisions_visible_to

    _load()
    provisions = Provision.objects.all()
    assert provisions.count() == 2 and all(p.case.closed_on is None for p in provisions)
    readers = {u.username for u in User.objects.all() if provisions_visible_to(u).count() == 2}
    assert readers == {"regisseur", "behandelaar"}


def test_demo_has_an_opening_with_a_reason_for_the_fg_to_judge():
    from weerbaar.privacy.glass import emergency_list
    from weerbaar.signals.selectors import signals_visible_to

    _load()
    [opening] = emergency_list(user=User.objects.get(username="fg"), judgement="")
    assert opening.user.username == "toezichthouder"
    visible = signals_visible_to(opening.user).filter(uuid=opening.object_uuid)
    assert visible.exists()


def test_demo_has_a_year_of_controls_and_address_checks():
    from django.utils import timezone

    from weerbaar.inspections.models import AddressCheck, Inspection, Participation
    from weerbaar.warehouse.models import Alert

    _load()
    today = timezone.localdate()
    inspections = Inspection.objects.all()
    assert set(inspections.values_list("status", flat=True)) == {"planned", "held", "closed"}
    assert set(inspections.values_list("kind__code", flat=True)) == {
        "integrale-controle",
        "alcoholwet",
    }
    assert set(inspections.exclude(outcome="").values_list("outcome", flat=True)) == {
        "none",
        "findings",
    }
    held = inspections.exclude(held_on=None).values_list("held_on", flat=True)
    assert min(held) < today - timezone.timedelta(days=300)  # spread over the year
    assert Participation.objects.values("partner_kind").distinct().count() == 8
    assert inspections.exclude(made_case=None).exists()
    assert inspections.exclude(alert_reference="").exists()
    assert Alert.objects.filter(status="inspected").exclude(outcome="").exists()
    checks = AddressCheck.objects.all()
    assert set(checks.values_list("outcome", flat=True)) == {"", "correct", "incorrect", "nobody"}
    assert checks.filter(outcome="", planned_on__gte=today).exists()
