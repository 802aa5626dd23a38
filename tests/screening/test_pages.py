"""The Bibob pages: list, new screening, the screening's steps, parties, findings, decision."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory, ScreeningFactory, login, make_person
from weerbaar.screening.constants import Status
from weerbaar.screening.models import ChecklistItem, PermitKind, Screening

pytestmark = pytest.mark.django_db


def _day(days_ago: int) -> str:
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


def test_the_list_filters_by_kind_and_status(bibob_coordinator):
    client = login(bibob_coordinator)
    empty = client.get(reverse("screening:list"))
    assert "Geen screenings bij deze filters." in empty.content.decode()
    horeca = ScreeningFactory(actor=bibob_coordinator)
    ScreeningFactory(actor=bibob_coordinator, permit_kind=PermitKind.objects.get(code="subsidie"))
    kind = PermitKind.objects.get(code="drank-horeca")
    page = client.get(reverse("screening:list"), {"permit_kind": kind.pk}).content.decode()
    assert horeca.reference in page and "1 screening" in page
    page = client.get(reverse("screening:list"), {"status": Status.DECIDED}).content.decode()
    assert "Geen screenings bij deze filters." in page


def test_a_new_screening_starts_from_the_applicant_found(bibob_coordinator):
    client = login(bibob_coordinator)
    company = OrganisationFactory(name="Café De Zwaan")
    found = client.post(reverse("screening:create"), {"q": "Zwaan"}).content.decode()
    assert f"?aanvrager={company.uuid}" in found
    assert not Screening.objects.exists()
    response = client.post(
        reverse("screening:create"),
        {
            "applicant": company.uuid,
            "permit_kind": PermitKind.objects.get(code="drank-horeca").pk,
            "application_received_on": _day(3),
            "alert_reference": "",
        },
    )
    screening = Screening.objects.get()
    assert response.url == reverse("screening:detail", args=[screening.uuid])
    assert screening.applicant == company and screening.reference.startswith("B-")


def test_a_future_receipt_date_is_refused_next_to_its_field(bibob_coordinator):
    client = login(bibob_coordinator)
    company = OrganisationFactory()
    response = client.post(
        reverse("screening:create"),
        {
            "applicant": company.uuid,
            "permit_kind": PermitKind.objects.get(code="exploitatie").pk,
            "application_received_on": _day(-2),
        },
    )
    assert response.status_code == 200
    assert "Deze datum ligt in de toekomst." in response.content.decode()
    assert not Screening.objects.exists()


def test_a_step_out_of_order_shows_its_message_and_keeps_what_was_typed(bibob_coordinator):
    screening = ScreeningFactory(actor=bibob_coordinator)
    client = login(bibob_coordinator)
    response = client.post(
        reverse("screening:steps", args=[screening.uuid]),
        {
            "version": screening.version,
            "questionnaire_sent_on": _day(10),
            "lbb_requested_on": _day(5),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_lbb_requested_on_error"' in page
    assert "pas aan als de vragenlijst compleet terug is" in page
    assert f'value="{_day(10)}"' in page
    screening.refresh_from_db()
    assert screening.questionnaire_sent_on is None


def test_steps_findings_parties_and_decision_through_the_page(bibob_coordinator):
    screening = ScreeningFactory(actor=bibob_coordinator)
    client = login(bibob_coordinator)
    steps = {
        "version": 0,
        "questionnaire_sent_on": _day(12),
        "questionnaire_returned_on": _day(9),
        "lbb_requested_on": _day(8),
        "applicant_informed_on": _day(8),
        "lbb_advised_on": _day(2),
        "lbb_degree": "lesser",
    }
    assert client.post(reverse("screening:steps", args=[screening.uuid]), steps).status_code == 302
    owner = make_person("Piet Pand")
    found = client.post(reverse("screening:party_find", args=[screening.uuid]), {"q": "Piet Pand"})
    assert "Piet Pand" in found.content.decode()
    client.post(
        reverse("screening:party_add", args=[screening.uuid]),
        {"subject": owner.uuid, "role": "pandeigenaar"},
    )
    item = ChecklistItem.objects.get(code="zeggenschap")
    client.post(
        reverse("screening:finding", args=[screening.uuid]),
        {"item": item.pk, "text": "Stroman als bestuurder", "source_grade": "B", "info_grade": "2"},
    )
    refused = client.post(
        reverse("screening:decide", args=[screening.uuid]),
        {
            "version": 1,
            "decision": "conditions",
            "decided_on": _day(1),
            "conditions": "",
            "confirm": "on",
        },
    )
    assert "Noem de voorwaarden van de vergunning." in refused.content.decode()
    client.post(
        reverse("screening:decide", args=[screening.uuid]),
        {
            "version": 1,
            "decision": "conditions",
            "decided_on": _day(1),
            "conditions": "Geen wisseling van leidinggevende zonder melding.",
            "confirm": "on",
        },
    )
    page = client.get(reverse("screening:detail", args=[screening.uuid])).content.decode()
    assert "Verleend onder voorwaarden" in page
    assert "Piet Pand: Pandeigenaar" in page
    assert "Stroman als bestuurder" in page and "B2" in page
    assert "Een minder ernstige mate van gevaar" in page


def test_a_passed_term_says_late_in_words(bibob_coordinator):
    screening = ScreeningFactory(
        actor=bibob_coordinator, application_received_on=timezone.localdate() - timedelta(days=90)
    )
    page = login(bibob_coordinator).get(reverse("screening:detail", args=[screening.uuid]))
    assert "<strong>Te laat</strong>" in page.content.decode()


def test_a_stale_page_is_refused(bibob_coordinator):
    screening = ScreeningFactory(actor=bibob_coordinator)
    client = login(bibob_coordinator)
    data = {"version": 0, "questionnaire_sent_on": _day(3)}
    assert client.post(reverse("screening:steps", args=[screening.uuid]), data).status_code == 302
    again = client.post(reverse("screening:steps", args=[screening.uuid]), data)
    assert again.status_code == 409


def test_a_decision_waits_for_its_confirmation(bibob_coordinator):
    screening = ScreeningFactory(actor=bibob_coordinator)
    response = login(bibob_coordinator).post(
        reverse("screening:decide", args=[screening.uuid]),
        {"version": 0, "decision": "refuse", "decided_on": _day(1)},
    )
    assert response.status_code == 200
    assert 'id="decision_confirm_error"' in response.content.decode()
    screening.refresh_from_db()
    assert screening.decision == ""


def test_a_screening_starts_from_a_signal_the_coordinator_may_see(bibob_coordinator):
    from tests.factories import SignalFactory
    from weerbaar.accounts.services import share_grant

    signal = SignalFactory()
    company = OrganisationFactory()
    client = login(bibob_coordinator)
    data = {
        "applicant": company.uuid,
        "permit_kind": PermitKind.objects.get(code="exploitatie").pk,
        "application_received_on": _day(3),
        "signaal": signal.uuid,
    }
    assert client.post(reverse("screening:create"), data).status_code == 404
    assert not Screening.objects.exists()
    share_grant(actor=bibob_coordinator, obj=signal, user=bibob_coordinator, purpose="Bibob-toets")
    page = client.get(
        reverse("screening:create"), {"signaal": signal.uuid, "aanvrager": company.uuid}
    )
    assert f"Vanuit signaal {signal.reference}." in page.content.decode()
    client.post(reverse("screening:create"), data)
    assert Screening.objects.get().signal == signal


def test_signal_and_case_pages_offer_a_screening_to_the_bibob_role_only(
    bibob_coordinator, regisseur
):
    from tests.factories import CaseFactory, SignalFactory
    from weerbaar.accounts.services import share_grant

    signal, case = SignalFactory(), CaseFactory()
    for obj in (signal, case):
        share_grant(actor=regisseur, obj=obj, user=bibob_coordinator, purpose="Bibob-toets")
    pages = {
        f"signaal={signal.uuid}": reverse("signals:detail", args=[signal.uuid]),
        f"casus={case.uuid}": reverse("cases:detail", args=[case.uuid]),
    }
    start = reverse("screening:create")
    for origin, url in pages.items():
        coordinator_page = login(bibob_coordinator).get(url)
        assert coordinator_page.status_code == 200
        assert f'href="{start}?{origin}"'.encode() in coordinator_page.content
        assert start.encode() not in login(regisseur).get(url).content


def test_a_screening_from_an_alert_keeps_it_through_the_applicant_search(bibob_coordinator):
    company = OrganisationFactory(name="Kanariehandel BV")
    client = login(bibob_coordinator)
    ref = "7d0c3c1e-1a7b-4a39-9b1f-5b6a1c1d2e3f"
    found = client.post(
        reverse("screening:create") + f"?attendering={ref}",
        {"q": "Kanariehandel", "attendering": ref},
    )
    assert f"attendering={ref}".encode() in found.content
    page = client.get(reverse("screening:create"), {"aanvrager": company.uuid, "attendering": ref})
    assert page.context["form"]["alert_reference"].value() == ref


def test_a_party_named_by_mistake_is_removed_after_a_confirmation(bibob_coordinator, fg):
    from weerbaar.audit.selectors import audit_record_list
    from weerbaar.screening import services

    s = ScreeningFactory(actor=bibob_coordinator)
    wrong = make_person("Verkeerde Persoon")
    party = services.party_add(
        actor=bibob_coordinator, screening=s, subject=wrong, role="financier"
    )
    client = login(bibob_coordinator)
    url = reverse("screening:party_remove", args=[s.uuid, party.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200 and b"Verkeerde Persoon" in confirm.content
    assert s.parties.exists()  # the confirmation page removes nothing
    assert client.post(url).status_code == 302
    assert not s.parties.exists()
    removed = audit_record_list(
        user=fg, subject_ref=str(wrong.uuid), action="screening.party_removed"
    )
    assert removed.get().changes["old"]["role"] == "financier"
    assert client.post(url).status_code == 404  # gone: nothing left to remove
    other = ScreeningFactory(actor=bibob_coordinator)
    assert (
        client.get(reverse("screening:party_remove", args=[other.uuid, party.pk])).status_code
        == 404
    )
