"""A data subject's request: the FG finds the person, sees every record about them in every
app with who read it, withholds records with their ground, annotates a disputed fact,
restricts processing, and makes the copy as a PDF with no compartment and nothing withheld
in it; the term of the answer is on the deadline overview."""

import io
import re
from datetime import date, timedelta

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.exports import confirmed
from tests.factories import (
    AgendaItemFactory,
    AlertFactory,
    CaseFactory,
    InterventionFactory,
    ScreeningFactory,
    SignalFactory,
    login,
    make_address,
    make_person,
)
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.models import CaseType
from weerbaar.cases.services import case_link_subject
from weerbaar.inspections.services import check_plan, check_record
from weerbaar.privacy import services
from weerbaar.privacy.models import DataRequest, Withholding
from weerbaar.privacy.selectors import request_items
from weerbaar.signals.services import signal_link_subject, signal_triage
from weerbaar.subjects.services import relation_create

pytestmark = pytest.mark.django_db

BSN = "111222333"
CANARY = "Zwaluwstaart"  # the Bibob screening's permit text would carry it


def _text(response) -> str:
    data = b"".join(response.streaming_content)
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split())


@pytest.fixture
def person(db):
    return make_person("Karel de Vries", bsn=BSN, birth=date(1980, 5, 17))


@pytest.fixture
def world(person, regisseur, bibob_coordinator, toezichthouder, team):
    """The person in every app: a signal and a case about them, a measure on the case, the
    signal on an LIO agenda, an address check, a Bibob screening, a warehouse alert and a
    relation with their address."""
    signal = signal_triage(
        actor=regisseur,
        signal=SignalFactory(description="Ik ruik al weken hennep bij de schuur van de buren."),
        version=None,
        phenomenon=None,
        urgency="normal",
        summary="Hennepgeur bij de schuur",
    )
    signal_link_subject(actor=regisseur, signal=signal, subject=person, role="suspected")
    case = CaseFactory(actor=regisseur, owner_team=team, title="Schuur Kerkstraat")
    case_link_subject(actor=regisseur, case=case, subject=person, role="concerned")
    measure = InterventionFactory(case=case, actor=regisseur)
    item = AgendaItemFactory(signal=signal)
    address = make_address()
    relation_create(
        actor=regisseur, kind="lives_at", from_subject=person, to_subject=address, source="BRP"
    )
    check = check_plan(
        actor=toezichthouder, address=address, planned_on=timezone.localdate(), owner_team=team
    )
    check_record(
        actor=toezichthouder,
        check=check,
        checked_on=timezone.localdate(),
        outcome="correct",
        persons=[person],
    )
    screening = ScreeningFactory(actor=bibob_coordinator, applicant=person)
    alert = AlertFactory(
        rule="return_of_closed",
        key=f"persoon {person.person.bsn_hash[:12]} → 0221010000330226",
        explanation="Terug op een gesloten adres",
    )
    return {
        "signal": signal,
        "case": case,
        "measure": measure,
        "item": item,
        "check": check,
        "screening": screening,
        "alert": alert,
    }


def _open(fg, person, **extra):
    fields = {
        "kind": "access",
        "subject": person,
        "requester": "K. de Vries, rijbewijs gezien",
        "received_on": timezone.localdate(),
        **extra,
    }
    return services.request_open(actor=fg, **fields)


def test_the_fg_finds_the_person_by_bsn_and_records_the_request(fg, person):
    client = login(fg)
    page = client.get(reverse("privacy:request_new"), {"q": BSN})
    assert page.status_code == 200 and "Karel de Vries" in page.content.decode()
    searched = AuditRecord.objects.filter(action="subjects.searched", actor_id=fg.pk).last()
    assert searched.purpose == "verzoek van een betrokkene"
    created = client.post(
        reverse("privacy:request_new") + f"?q={BSN}",
        {
            "subject": str(person.uuid),
            "kind": "access",
            "requester": "K. de Vries",
            "received_on": timezone.localdate().isoformat(),
        },
    )
    assert created.status_code == 302
    assert AuditRecord.objects.filter(action="privacy.request_opened").count() == 1


def test_a_request_without_a_person_keeps_what_was_typed(fg, person):
    page = login(fg).post(
        reverse("privacy:request_new") + "?q=Vries",
        {"kind": "access", "requester": "Getypte aanvrager", "received_on": "2026-11-30"},
    )
    text = page.content.decode()
    assert page.status_code == 200 and "Getypte aanvrager" in text
    assert not AuditRecord.objects.filter(action="privacy.request_opened").exists()


def test_the_overview_finds_the_person_in_every_app_with_who_read_it(fg, regisseur, person, world):
    login(regisseur).get(reverse("signals:detail", args=[world["signal"].uuid]))
    request = _open(fg, person)
    page = login(fg).get(reverse("privacy:request", args=[request.uuid]))
    text = page.content.decode()
    assert page.status_code == 200
    for group in (
        "Vastgelegde gegevens",
        "Relaties",
        "Signalen",
        "Casussen",
        "Maatregelen",
        "Overleggen",
        "Controles",
        "Bibob-screenings",
        "Informatiepakhuis",
    ):
        assert f">{group}</h2>" in text, group
    for reference in (
        world["signal"].reference,
        world["case"].reference,
        world["check"].reference,
        world["screening"].reference,
    ):
        assert reference in text, reference
    assert "Terug op een gesloten adres" in text
    assert regisseur.username in text  # who read the signal
    viewed = AuditRecord.objects.get(action="privacy.request_viewed")
    assert viewed.subject_ref == str(person.uuid)


def test_the_copy_holds_no_compartment_and_nothing_withheld(fg, person, world):
    request = _open(fg, person)
    services.withholding_set(
        actor=fg,
        request=request,
        record_key=f"cases.case:{world['case'].uuid}",
        ground="offences",
        explanation="Lopend onderzoek van de politie.",
    )
    client = login(fg)
    url = reverse("privacy:request_copy", args=[request.uuid])
    asked = client.get(url)
    assert asked.status_code == 302 and asked.url.startswith(reverse("accounts:reauth"))
    response = confirmed(client).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(response)
    assert world["signal"].reference in text
    assert "Hennepgeur bij de schuur" in text
    assert world["screening"].reference not in text  # the Bibob compartment
    assert "Bibob" not in text
    assert f" {world['case'].reference}" not in text  # withheld
    assert "Schuur Kerkstraat" not in text
    assert "Lopend onderzoek" not in text  # the explanation is the FG's
    assert "voorkoming en opsporing van strafbare feiten" in text
    made = AuditRecord.objects.get(action="privacy.request_copy")
    # the case, its measure with it, and the screening
    assert made.changes["extra"]["withheld"] == 3


def test_the_copy_names_no_official(fg, regisseur, person, world):
    login(regisseur).get(reverse("signals:detail", args=[world["signal"].uuid]))
    request = _open(fg, person)
    text = _text(confirmed(login(fg)).get(reverse("privacy:request_copy", args=[request.uuid])))
    assert regisseur.username not in text and fg.username not in text


def test_withholding_a_record_not_about_the_person_is_refused(fg, person):
    request = _open(fg, person)
    other = SignalFactory()
    with pytest.raises(ValidationError):
        services.withholding_set(
            actor=fg,
            request=request,
            record_key=f"signals.signal:{other.uuid}",
            ground="reporter",
            explanation="x",
        )


def test_a_withholding_without_explanation_shows_the_message_and_keeps_the_ground(
    fg, person, world
):
    request = _open(fg, person)
    key = f"signals.signal:{world['signal'].uuid}"
    page = login(fg).post(
        reverse("privacy:withhold", args=[request.uuid]),
        {"record_key": key, "ground": "reporter", "explanation": ""},
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Dit veld is vereist." in text
    assert 'value="reporter" selected' in text
    assert not Withholding.objects.exists()
    done = login(fg).post(
        reverse("privacy:withhold", args=[request.uuid]),
        {"record_key": key, "ground": "reporter", "explanation": "Melder herkenbaar."},
    )
    assert done.status_code == 302 and Withholding.objects.get().ground == "reporter"
    login(fg).post(reverse("privacy:withhold_clear", args=[request.uuid]), {"record_key": key})
    assert not Withholding.objects.exists()


def test_a_disputed_fact_is_annotated_beside_the_record_and_in_the_copy(fg, person, world):
    request = _open(fg, person, kind="rectification")
    services.annotation_add(
        actor=fg,
        request=request,
        record_key=f"signals.signal:{world['signal'].uuid}",
        fact="Betrokkene zou de schuur huren",
        statement="Ik huur die schuur niet; mijn broer wel.",
    )
    page = login(fg).get(reverse("privacy:request", args=[request.uuid])).content.decode()
    assert "Ik huur die schuur niet" in page
    text = _text(confirmed(login(fg)).get(reverse("privacy:request_copy", args=[request.uuid])))
    assert "Ik huur die schuur niet" in text
    assert world["signal"].description not in text  # the reporter's own words stay out


def test_a_restriction_blocks_new_links_until_it_is_lifted(fg, regisseur, person, team):
    request = _open(fg, person, kind="restriction")
    services.restriction_place(actor=fg, request=request, reason="Juistheid betwist.")
    signal = SignalFactory()
    with pytest.raises(ValidationError, match="art. 18 AVG"):
        signal_link_subject(actor=regisseur, signal=signal, subject=person, role="involved")
    with pytest.raises(ValidationError, match="art. 18 AVG"):
        case_link_subject(actor=regisseur, case=CaseFactory(), subject=person, role="concerned")
    with pytest.raises(ValidationError, match="art. 18 AVG"):
        relation_create(
            actor=regisseur,
            kind="lives_at",
            from_subject=person,
            to_subject=make_address(number=3),
            source="BRP",
        )
    shown = login(regisseur).get(reverse("subjects:detail", args=[person.uuid]))
    assert "art. 18 AVG" in shown.content.decode()
    with pytest.raises(ValidationError):
        services.restriction_place(actor=fg, request=request, reason="Nog eens.")
    services.restriction_lift(actor=fg, request=request, reason="Gegevens juist bevonden.")
    signal_link_subject(actor=regisseur, signal=signal, subject=person, role="involved")
    assert AuditRecord.objects.filter(action="privacy.restriction_lifted").exists()


@freeze_time("2026-11-10")
def test_the_term_is_a_month_extended_by_two_and_on_the_deadline_overview(fg, person):
    # received on a Monday: a month later is a Wednesday; three months a Tuesday
    request = _open(fg, person, received_on=date(2026, 11, 2))
    assert request.due_on == date(2026, 12, 2)
    overview = reverse("interventions:overview")
    assert request.reference in login(fg).get(overview, {"window": "all"}).content.decode()
    assert request.reference not in login(fg).get(overview, {"window": "week"}).content.decode()
    with freeze_time("2026-11-28"):
        week = login(fg).get(overview, {"window": "week"}).content.decode()
        assert request.reference in week
    request = services.request_extend(
        actor=fg, request=request, reason="Veel stukken bij vier partners."
    )
    assert request.due_on == date(2027, 2, 2)
    with pytest.raises(ValidationError):
        services.request_extend(actor=fg, request=request, reason="Nog eens.")


def test_a_term_ending_on_a_saturday_moves_to_monday(fg, person):
    request = _open(fg, person, received_on=date(2026, 9, 10))  # 10 October is a Saturday
    assert request.due_on == date(2026, 10, 12)


def test_an_extension_after_the_first_month_is_refused(fg, person):
    request = _open(fg, person, received_on=timezone.localdate() - timedelta(days=70))
    with pytest.raises(ValidationError, match="eerste maand"):
        services.request_extend(actor=fg, request=request, reason="Te laat.")


def test_an_answered_request_takes_no_more_decisions(fg, person, world):
    request = _open(fg, person)
    services.request_answer(
        actor=fg, request=request, answered_on=timezone.localdate(), outcome="Afschrift verstuurd."
    )
    with pytest.raises(ValidationError):
        services.withholding_set(
            actor=fg,
            request=request,
            record_key=f"signals.signal:{world['signal'].uuid}",
            ground="reporter",
            explanation="x",
        )
    page = login(fg).get(reverse("privacy:requests"), {"status": "answered"})
    assert request.reference in page.content.decode()
    assert request.reference not in login(fg).get(reverse("privacy:requests")).content.decode()


@pytest.mark.parametrize("role", ["regisseur", "beheerder", "burgemeester", "medewerker"])
def test_other_roles_get_the_missing_page(request, role, fg, person):
    data_request = _open(fg, person)
    client = login(request.getfixturevalue(role))
    for url in (
        reverse("privacy:requests"),
        reverse("privacy:request_new"),
        reverse("privacy:request", args=[data_request.uuid]),
        reverse("privacy:request_copy", args=[data_request.uuid]),
    ):
        assert client.get(url).status_code == 404, url
    with pytest.raises(Exception):  # noqa: B017 PermissionDenied or a 404 alike
        services.request_open(
            actor=request.getfixturevalue(role),
            kind="access",
            subject=person,
            requester="x",
            received_on=timezone.localdate(),
        )


def test_the_reporters_own_words_stay_out_of_the_copy(fg, regisseur, person):
    signal = SignalFactory(location_text="Achter de schuur van buurman Pietqz")
    signal_link_subject(actor=regisseur, signal=signal, subject=person, role="involved")
    case = CaseFactory(actor=regisseur, title="Melder Pietqz zag het")
    case_link_subject(actor=regisseur, case=case, subject=person, role="concerned")
    request = _open(fg, person)
    text = _text(confirmed(login(fg)).get(reverse("privacy:request_copy", args=[request.uuid])))
    assert signal.reference in text and case.reference in text
    assert "Pietqz" not in text


def test_a_registry_link_the_analyst_rejected_brings_nothing(fg, person):
    from weerbaar.warehouse.models import RegistryLink

    other = "f" * 64
    RegistryLink.objects.create(
        subject=person,
        registry_key=other,
        match_weight=1.0,
        match_probability=0.4,
        status=RegistryLink.Status.REJECTED,
        found_at=timezone.now(),
    )
    AlertFactory(rule="return_of_closed", key=f"persoon {other[:12]} → 1", explanation="Andermans")
    request = _open(fg, person)
    page = login(fg).get(reverse("privacy:request", args=[request.uuid])).content.decode()
    assert "Andermans" not in page and "Informatiepakhuis" not in page


def test_reads_of_a_bibob_letter_are_not_counted_with_the_person(fg, bibob_coordinator, person):
    from weerbaar.audit.constants import AuditAction
    from weerbaar.audit.services import audit_record

    screening = ScreeningFactory(actor=bibob_coordinator, applicant=person)
    request = _open(fg, person)
    url = reverse("privacy:request_copy", args=[request.uuid])
    before = re.findall(r"(\d+) keer", _text(confirmed(login(fg)).get(url)))
    audit_record(
        actor=bibob_coordinator,
        action=AuditAction.SCREENING_VIEWED,
        obj=screening,
        subject_ref=person.uuid,
    )
    after = re.findall(r"(\d+) keer", _text(confirmed(login(fg)).get(url)))
    assert before == after and before


def test_a_restriction_blocks_a_new_case_a_signal_and_a_control(fg, regisseur, person, team):
    from weerbaar.cases.models import CaseType
    from weerbaar.cases.services import case_open
    from weerbaar.signals.services import signal_create

    address = make_address(number=7)
    services.restriction_place(actor=fg, request=_open(fg, address), reason="Betwist.")
    with pytest.raises(ValidationError, match="art. 18 AVG"):
        case_open(
            actor=regisseur,
            case_type=CaseType.objects.get(code="hennep-sluiting"),
            title="Nieuw",
            owner_team=team,
            subjects=[(address, "location")],
        )
    with pytest.raises(ValidationError, match="art. 18 AVG"):
        signal_create(actor=regisseur, channel="internal", description="x", address=address)
    with pytest.raises(ValidationError, match="art. 18 AVG"):
        check_plan(
            actor=regisseur, address=address, planned_on=timezone.localdate(), owner_team=team
        )


def test_withholding_a_signal_withholds_what_comes_from_it(fg, regisseur, person, team):
    from weerbaar.cases.services import case_open_from_signal

    signal = SignalFactory(weighed="case")
    signal_link_subject(actor=regisseur, signal=signal, subject=person, role="suspected")
    item = AgendaItemFactory(signal=signal)
    from_signal = case_open_from_signal(
        actor=regisseur,
        signal=signal,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
        owner_team=team,
    )
    request = _open(fg, person)
    services.withholding_set(
        actor=fg,
        request=request,
        record_key=f"signals.signal:{signal.uuid}",
        ground="reporter",
        explanation="Melder herkenbaar.",
    )
    items = {i.record.key: i for i in request_items(request)}
    assert items[f"meetings.agendaitem:{item.uuid}"].inherited
    # the case is linked to the person itself (its subjects came along): it stands alone
    assert items[f"cases.case:{from_signal.uuid}"].disclosed
    text = _text(confirmed(login(fg)).get(reverse("privacy:request_copy", args=[request.uuid])))
    assert signal.reference not in text and str(item.meeting.series) not in text


def test_research_on_a_business_and_a_typed_candidate_are_in_the_overview(fg, toezichthouder, team):
    from tests.inspections.world import planned
    from weerbaar.inspections.services import research_add, typed_candidate_add

    inspection = planned(toezichthouder, team)
    business = inspection.businesses.get()
    research_add(
        actor=toezichthouder,
        inspection=inspection,
        business=business,
        source_url="https://example.org/nieuws",
        consulted_on=inspection.planned_on,
        found="Eigenaar eerder failliet",
        source_grade="B",
        info_grade="2",
    )
    address = inspection.addresses.first()
    typed_candidate_add(actor=toezichthouder, address=address, note="Veel aanloop", owner_team=team)
    client = login(fg)
    about_business = _open(fg, business)
    text = client.get(reverse("privacy:request", args=[about_business.uuid])).content.decode()
    assert "Open-bronnenonderzoek" in text and "Eigenaar eerder failliet" in text
    about_address = _open(fg, address)
    text = client.get(reverse("privacy:request", args=[about_address.uuid])).content.decode()
    assert "Kandidaat voor een controle" in text and "Veel aanloop" in text


def test_a_decision_on_a_request_answered_meanwhile_is_refused(fg, person):
    request = _open(fg, person)
    stale = DataRequest.objects.get(pk=request.pk)  # the page opened before the answer
    services.request_answer(
        actor=fg, request=request, answered_on=timezone.localdate(), outcome="Afschrift verstuurd."
    )
    with pytest.raises(ValidationError, match="afgehandeld"):
        services.request_extend(actor=fg, request=stale, reason="Complex verzoek.")
