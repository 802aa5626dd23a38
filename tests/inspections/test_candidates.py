"""Candidates for a control: the warehouse's alerts, signals that ask for one, the LIO's
decisions and a list typed in; planning from one fills the form (#15)."""

import pytest
from django.urls import reverse

from tests.factories import AddressFactory, AgendaItemFactory, AlertFactory, SignalFactory, login
from tests.inspections.world import planned
from weerbaar.audit.models import AuditRecord
from weerbaar.inspections.models import TypedCandidate
from weerbaar.signals.models import Phenomenon

pytestmark = pytest.mark.django_db


def _alert(**facts):
    return AlertFactory(
        facts={"postcode": "3131AB", "house_number": 3, "persons": 14, "surface_m2": 96} | facts,
        explanation="14 personen ingeschreven op 96 m²",
    )


def _sources(page):
    return {source.name: rows for source, rows in page.context["sources"]}


def test_the_regisseur_sees_open_alerts_as_candidates_and_plans_from_one(regisseur):
    AddressFactory(street="Havenstraat", number=3, postcode="3131AB")
    alert = _alert(kvk_number="")
    dismissed = _alert(postcode="3131AC")
    dismissed.status = "dismissed"
    dismissed.save()
    client = login(regisseur)
    rows = _sources(client.get(reverse("inspections:planning")))["alerts"]
    assert [row.url for row in rows] == [reverse("warehouse:alert", args=[alert.uuid])]
    assert rows[0].address == "3131 AB 3" and rows[0].check_url  # overcrowding: a check fits
    before = AuditRecord.objects.count()
    form = client.get(rows[0].plan_url).context["form"]
    assert form.initial["addresses"] == "3131 AB 3"
    assert form.initial["alert_reference"] == str(alert.uuid)
    assert form.initial["purpose"] == "14 personen ingeschreven op 96 m²"
    assert AuditRecord.objects.filter(id__gt=before, action="warehouse.alert_viewed").count() == 1


def test_the_alert_page_offers_to_plan_a_control_and_a_check(regisseur):
    alert = _alert()
    page = login(regisseur).get(reverse("warehouse:alert", args=[alert.uuid]))
    assert page.context["plan_control_url"].endswith(f"?van=alert&id={alert.uuid}")
    assert page.context["plan_check_url"].startswith(reverse("inspections:check_plan"))


def test_who_may_not_review_alerts_sees_none_and_cannot_plan_from_one(toezichthouder):
    alert = _alert()
    client = login(toezichthouder)
    assert _sources(client.get(reverse("inspections:planning")))["alerts"] == []
    refused = client.get(reverse("inspections:plan"), {"van": "alert", "id": str(alert.uuid)})
    assert refused.status_code == 404
    assert client.get(reverse("inspections:plan"), {"van": "nergens", "id": "1"}).status_code == 404
    assert client.get(reverse("inspections:plan"), {"van": "alert", "id": "x"}).status_code == 404


def test_an_address_check_is_planned_from_an_alert(regisseur):
    address = AddressFactory(street="Havenstraat", number=3, postcode="3131AB")
    alert = _alert()
    client = login(regisseur)
    url = reverse("inspections:check_plan")
    form = client.get(url, {"van": "alert", "id": str(alert.uuid)}).context["form"]
    assert form.initial["address"] == "3131 AB 3"
    data = {**form.initial, "planned_on": form.fields["planned_on"].initial.isoformat()}
    client.post(url, data)
    from weerbaar.inspections.models import AddressCheck

    check = AddressCheck.objects.get()
    assert (check.address, check.alert_reference) == (address, str(alert.uuid))


def test_open_signals_of_a_control_phenomenon_are_candidates_until_planned(toezichthouder, team):
    address = AddressFactory(street="Havenstraat", number=3, postcode="3131AB")
    drugs = Phenomenon.objects.get(code="hennep-drugs")
    asks = SignalFactory(phenomenon=drugs, address=address, owner_team=team)
    SignalFactory(phenomenon=Phenomenon.objects.get(code="milieucriminaliteit"), owner_team=team)
    SignalFactory(phenomenon=drugs)  # another team's: not visible to the toezichthouder
    client = login(toezichthouder)
    rows = _sources(client.get(reverse("inspections:planning")))["signals"]
    assert [row.reference for row in rows] == [asks.reference]
    form = client.get(rows[0].plan_url).context["form"]
    assert (form.initial["signal"], form.initial["addresses"]) == (asks.reference, "3131 AB 3")
    inspection = planned(toezichthouder, team)
    inspection.signal = asks
    inspection.save()
    assert _sources(client.get(reverse("inspections:planning")))["signals"] == []


def test_a_decision_of_the_lio_for_an_integrale_controle_is_a_candidate(regisseur):
    from weerbaar.meetings.services import item_decide

    address = AddressFactory(street="Havenstraat", number=3, postcode="3131AB")
    item = AgendaItemFactory(signal=SignalFactory(address=address))
    item_decide(actor=regisseur, item=item, decision="inspection", decision_text="Met politie")
    AgendaItemFactory(meeting=item.meeting)  # undecided: no candidate
    rows = _sources(login(regisseur).get(reverse("inspections:planning")))["lio"]
    assert [row.reference for row in rows] == [item.signal.reference]
    assert "Met politie" in rows[0].text
    assert rows[0].plan_url.endswith(f"?van=signal&id={item.signal.uuid}")


def test_a_typed_candidate_is_kept_audited_planned_from_and_removed(toezichthouder, outsider):
    AddressFactory(street="Havenstraat", number=3, postcode="3131AB")
    client = login(toezichthouder)
    url = reverse("inspections:candidate_add")
    refused = client.post(url, {"address": "9999 ZZ 1", "note": "Veel aanloop"})
    assert refused.status_code == 200 and "Veel aanloop" in refused.content.decode()
    assert not client.post(url, {"address": "3131 AB 3", "note": " "}).status_code == 302
    assert not TypedCandidate.objects.exists()
    assert client.post(url, {"address": "3131 AB 3", "note": "Veel aanloop"}).status_code == 302
    candidate = TypedCandidate.objects.get()
    assert AuditRecord.objects.filter(
        action="inspections.candidate_added", object_id=str(candidate.uuid)
    ).exists()
    rows = _sources(client.get(reverse("inspections:planning")))["typed"]
    assert [row.text for row in rows] == ["Veel aanloop"]
    form = client.get(rows[0].plan_url).context["form"]
    assert form.initial["addresses"] == "3131 AB 3"
    remove = reverse("inspections:candidate_remove", args=[candidate.uuid])
    assert login(outsider).post(remove).status_code == 404
    assert client.post(remove).status_code == 302
    assert not TypedCandidate.objects.exists()
    assert AuditRecord.objects.filter(action="inspections.candidate_removed").count() == 1
