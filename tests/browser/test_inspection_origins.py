"""Done when (#15): the regisseur plans an integrale controle from a warehouse alert with three
partners, the findings are recorded on a 768 px wide screen, and one click turns them into a
Damocles case with the closure proposed; the alert shows the outcome. axe-core finds nothing
on the new pages (the planning page's candidates and typed list, the new businesses, the
registry facts)."""

import pytest
from django.utils import timezone

from tests.browser.conftest import axe_violations, sign_in
from tests.browser.test_inspections import PARTNERS, _record_on_site
from tests.factories import AlertFactory, OrganisationFactory, make_address
from weerbaar.cases.models import Case
from weerbaar.inspections.models import Finding, Inspection
from weerbaar.interventions.models import Instrument
from weerbaar.warehouse import db
from weerbaar.warehouse.models import Alert

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _clean(page, name):
    assert axe_violations(page) == [], name
    page.screenshot(path=f"test-artifacts/{name}.png", full_page=True)


def _world():
    make_address("Havenkade", 7, "3131AB", "Weerdam")
    OrganisationFactory(name="Shisha Lounge Havenkade", kvk_number="87654321")
    with db.connect() as con:
        con.execute(
            "INSERT INTO kvk_business VALUES ('000087654321', '87654321', "
            "'Shisha Lounge Havenkade', ['5630'], current_date - 5, '3131AB', 7, NULL, NULL, "
            "'Havenkade', 'Weerdam')"
        )
    return AlertFactory(
        rule="business_cluster",
        facts={"postcode": "3131AB", "house_number": 7, "kvk_number": "87654321"},
        explanation="6 vestigingen op dit adres, in 4 verschillende branches",
    )


def _plan_from_the_alert(page, live_server, alert):
    page.goto(f"{live_server.url}/controles/planning/")
    page.locator("#bron-alerts").wait_for()
    _clean(page, "inspections-planning-candidates")
    page.locator("#bron-alerts a.utrecht-link").first.click()  # the alert itself
    page.locator("#controle-plannen a").first.click()
    assert page.locator("#id_addresses").input_value() == "3131 AB 7"
    assert page.locator("#id_businesses").input_value() == "87654321"
    assert page.locator("#id_alert_reference").input_value() == str(alert.uuid)
    page.get_by_label("Geplande datum").fill(timezone.localdate().isoformat())
    for partner in PARTNERS:
        page.get_by_label(partner, exact=True).check()
    page.get_by_role("button", name="Plannen").click()
    page.get_by_text("De controle is gepland.").wait_for()
    _clean(page, "inspection-from-alert")


def _prepare(page, inspection):
    page.locator(f'a[href$="/controles/{inspection.uuid}/registerfeiten/"]').click()
    page.locator("table.utrecht-table").first.wait_for()
    assert "Shisha Lounge Havenkade" in page.content()
    _clean(page, "inspection-registry-facts")
    page.go_back()


def test_a_control_from_an_alert_with_three_partners_becomes_a_damocles_case(
    page, live_server, regisseur
):
    alert = _world()
    sign_in(page, live_server, "regisseur")
    _plan_from_the_alert(page, live_server, alert)
    inspection = Inspection.objects.get()
    assert inspection.alert_reference == str(alert.uuid)
    assert inspection.participations.count() == 3
    _prepare(page, inspection)
    _record_on_site(page, inspection)
    assert Finding.objects.filter(inspection=inspection, result="violation").count() == 3
    page.get_by_role("link", name=f"Terug naar {inspection.reference}").click()
    page.get_by_label("Bevindingen", exact=True).check()
    page.get_by_role("button", name="Uitkomst vastleggen en afsluiten").click()
    page.get_by_text("De uitkomst is vastgelegd; de controle is afgesloten.").wait_for()
    _clean(page, "inspection-closed-measures")
    page.locator('form[action$="/naar-maatregel/"] button').click()
    page.locator("#id_instrument").wait_for()
    case = Case.objects.get()
    assert case.case_type.code == "hennep-sluiting" and case.origin == inspection.reference
    closure = Instrument.objects.get(code="damocles-sluiting")
    assert page.locator("#id_instrument").input_value() == str(closure.pk)
    _clean(page, "intervention-start-from-inspection")
    alert.refresh_from_db()
    assert alert.status == Alert.Status.INSPECTED and inspection.reference in alert.outcome
    page.goto(f"{live_server.url}/pakhuis/attenderingen/{alert.uuid}/")
    assert inspection.reference in page.content()
    page.goto(f"{live_server.url}/pakhuis/nieuwe-bedrijven/")
    page.locator("#vestigingen").wait_for()
    _clean(page, "new-businesses")
    assert page.foreign_requests == []


def test_the_typed_list_on_a_tablet(page, live_server, toezichthouder):
    make_address("Dijkweg", 8, "2611AA", "Weerdam")
    sign_in(page, live_server, "toezichthouder")
    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto(f"{live_server.url}/controles/planning/")
    form = page.locator('form[action$="/planning/kandidaat/"]')
    form.locator("#id_address").fill("2611 AA 8")
    form.locator("#id_note").fill("Veel aanloop in de avond")
    form.locator("button").click()
    page.locator("#bron-typed li").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    _clean(page, "inspections-planning-typed")
