"""Planning, preparing, recording and converting an inspection through its services (#15)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import CaseFactory, InspectionFactory
from tests.inspections.world import items_of, planned
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.models import CaseType
from weerbaar.inspections import services
from weerbaar.inspections.constants import FindingResult, InspectionStatus, Outcome
from weerbaar.inspections.models import Finding, Inspection, PartnerKind, ResearchNote
from weerbaar.signals.models import Signal

pytestmark = pytest.mark.django_db


def _actions(since):
    return list(
        AuditRecord.objects.filter(id__gt=since).order_by("id").values_list("action", flat=True)
    )


def _last():
    return AuditRecord.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_the_seeded_policy_has_kinds_targets_partners_and_checklists():
    from weerbaar.inspections.models import InspectionKind

    targets = dict(InspectionKind.objects.values_list("code", "yearly_target"))
    assert targets == {"integrale-controle": 20, "alcoholwet": 0, "brp-adrescontrole": 1000}
    assert PartnerKind.objects.count() == 8
    assert all(partner.items.count() >= 2 for partner in PartnerKind.objects.all())


def test_a_new_inspection_cannot_be_planned_in_the_past(toezichthouder, team):
    before = _last()
    with pytest.raises(ValidationError) as refused:
        InspectionFactory(
            actor=toezichthouder, owner_team=team, planned_on=timezone.localdate() - timedelta(1)
        )
    assert list(refused.value.message_dict) == ["planned_on"]
    assert refused.value.message_dict["planned_on"] == [
        "Een nieuwe controle kan niet in het verleden worden gepland."
    ]
    assert not Inspection.objects.exists()
    assert [a for a in _actions(before) if a.startswith("inspections.")] == []


def test_planning_leaves_one_audit_row_and_a_reference(toezichthouder, team):
    before = _last()
    inspection = planned(toezichthouder, team, days=3)
    assert inspection.reference == f"I-{timezone.localdate().year}-0001"
    assert _actions(before)[-1] == "inspections.planned"
    assert _actions(before).count("inspections.planned") == 1
    assert inspection.participations.count() == 3 and inspection.addresses.count() == 2


def test_a_finding_for_a_partner_that_did_not_take_part_is_refused(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    absent = PartnerKind.objects.get(code="belastingdienst")
    item = items_of("belastingdienst")[0]
    with pytest.raises(ValidationError) as refused:
        services.findings_record(
            actor=toezichthouder,
            inspection=inspection,
            partner=absent,
            results={item: (FindingResult.VIOLATION, "Geen kassa")},
        )
    assert refused.value.message_dict["partner"] == [
        "Belastingdienst heeft niet deelgenomen aan deze controle."
    ]
    assert not Finding.objects.exists()
    inspection.refresh_from_db()
    assert inspection.status == InspectionStatus.PLANNED


def test_an_item_of_another_partner_is_refused(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    with pytest.raises(ValidationError):
        services.findings_record(
            actor=toezichthouder,
            inspection=inspection,
            partner=PartnerKind.objects.get(code="politie"),
            results={items_of("brandweer")[0]: (FindingResult.VIOLATION, "")},
        )
    assert not Finding.objects.exists()


def _research(actor, inspection, url):
    return services.research_add(
        actor=actor,
        inspection=inspection,
        business=inspection.businesses.get(),
        source_url=url,
        consulted_on=timezone.localdate(),
        found="Reviews noemen verkoop na sluitingstijd.",
        source_grade="B",
        info_grade="2",
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "www.example.org"])
def test_a_research_source_must_be_a_web_address(toezichthouder, team, url):
    inspection = planned(toezichthouder, team)
    with pytest.raises(ValidationError) as refused:
        _research(toezichthouder, inspection, url)
    assert refused.value.message_dict["source_url"] == ["Vul een webadres in (http of https)."]
    assert not ResearchNote.objects.exists()


def test_research_is_graded_and_audited(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    before = _last()
    note = _research(toezichthouder, inspection, "https://www.google.com/maps/place/haven")
    assert note.grading == "B2" and _actions(before) == ["inspections.researched"]


def test_the_answer_of_the_risk_assessment_comes_after_its_question(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        services.safety_record(
            actor=toezichthouder,
            inspection=inspection,
            asked_on=today,
            answered_on=today - timedelta(days=2),
        )
    assert "risk_answered_on" in refused.value.message_dict
    before = _last()
    services.safety_record(
        actor=toezichthouder,
        inspection=inspection,
        asked_on=today - timedelta(days=2),
        answered_on=today,
        outcome="Geen bijzonderheden; twee agenten mee.",
    )
    assert _actions(before) == ["inspections.prepared"]


def _held(actor, inspection):
    police = PartnerKind.objects.get(code="politie")
    first, second, *_rest = items_of("politie")
    services.findings_record(
        actor=actor,
        inspection=inspection,
        partner=police,
        results={
            first: (FindingResult.VIOLATION, "Drie personen zonder ID"),
            second: (FindingResult.IN_ORDER, ""),
        },
        notes="Eigenaar werkte mee.",
    )
    return police


def test_findings_move_the_inspection_to_held_with_one_audit_row(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    before = _last()
    _held(toezichthouder, inspection)
    inspection.refresh_from_db()
    assert inspection.status == InspectionStatus.HELD
    assert inspection.held_on == timezone.localdate()
    assert _actions(before) == ["inspections.findings"]


def test_no_findings_is_refused_when_violations_were_recorded(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    _held(toezichthouder, inspection)
    with pytest.raises(ValidationError) as refused:
        services.inspection_close(
            actor=toezichthouder, inspection=inspection, outcome=Outcome.NO_FINDINGS
        )
    assert "outcome" in refused.value.message_dict


def test_findings_turn_into_a_signal_with_the_addresses_linked(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    police = _held(toezichthouder, inspection)
    services.inspection_close(
        actor=toezichthouder, inspection=inspection, outcome=Outcome.FINDINGS, follow_up=[police]
    )
    before = _last()
    signal = services.inspection_to_signal(actor=toezichthouder, inspection=inspection)
    assert "inspections.to_signal" in _actions(before)
    assert "signals.created" in _actions(before)
    assert signal.owner_team == team
    assert signal.address.label.startswith("Havenstraat 3")
    assert "Politie" in signal.description and "Drie personen zonder ID" in signal.description
    assert "Opvolging door Politie" in signal.description
    linked = {link.subject.label for link in signal.subject_links.all()}
    assert any(label.startswith("Havenstraat 5") for label in linked)
    assert "Shisha Lounge Haven" in linked
    inspection.refresh_from_db()
    assert inspection.made_signal == signal
    with pytest.raises(ValidationError):
        services.inspection_to_signal(actor=toezichthouder, inspection=inspection)
    assert Signal.objects.count() == 1


def test_only_a_closed_inspection_becomes_a_case(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    case_type = CaseType.objects.get(code="hennep-sluiting")
    with pytest.raises(ValidationError):
        services.inspection_to_case(
            actor=toezichthouder, inspection=inspection, case_type=case_type
        )


def test_findings_turn_into_a_case_carrying_them(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    _held(toezichthouder, inspection)
    services.inspection_close(actor=toezichthouder, inspection=inspection, outcome="findings")
    before = _last()
    case = services.inspection_to_case(
        actor=toezichthouder,
        inspection=inspection,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
    )
    assert _actions(before) == ["cases.opened", "cases.note_added", "inspections.to_case"]
    assert case.owner_team == team and case.origin == inspection.reference
    assert "Drie personen zonder ID" in case.notes.get().text
    assert case.subject_links.count() == 3
    inspection.refresh_from_db()
    assert inspection.made_case == case


def test_an_inspection_can_come_from_a_case(toezichthouder, team):
    case = CaseFactory(owner_team=team)
    inspection = InspectionFactory(actor=toezichthouder, owner_team=team, case=case)
    assert inspection.case == case


def test_a_later_inspection_is_not_closed_before_its_day(toezichthouder, team):
    inspection = planned(toezichthouder, team, days=7)
    with pytest.raises(ValidationError):
        services.inspection_close(actor=toezichthouder, inspection=inspection, outcome="none")
    assert date.today() <= inspection.planned_on
