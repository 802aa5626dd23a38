"""An integrale controle with three partners, from planning to a case, recorded on a 768 px
wide screen, and an address check; axe-core on every new page (#15)."""

import pytest

from tests.browser.conftest import axe_clean, sign_in
from tests.factories import OrganisationFactory, make_address
from weerbaar.inspections.models import Finding, Inspection, PartnerKind

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PARTNERS = ("Politie", "Brandweer", "Eigen toezicht gemeente")


def _plan(page, today):
    from weerbaar.inspections.models import InspectionKind

    global INTEGRALE
    INTEGRALE = InspectionKind.objects.get(code="integrale-controle").pk
    page.get_by_role("link", name="Controles").first.click()
    page.get_by_role("heading", name="Controles").wait_for()
    axe_clean(page, "inspections-list")
    page.get_by_role("link", name="Controle plannen").first.click()
    axe_clean(page, "inspections-plan")
    assert page.get_by_label("Soort").input_value() == str(INTEGRALE)
    page.get_by_label("Geplande datum").fill(today)
    page.get_by_label("Adressen").fill("3131 AB 7")
    page.get_by_label("Bedrijven (KvK-nummers)").fill("87654321")
    for partner in PARTNERS:
        page.get_by_label(partner, exact=True).check()
    page.get_by_label("Doel").fill("Signalen van drugshandel vanuit de shishalounge.")
    page.get_by_role("button", name="Plannen").click()
    page.get_by_text("De controle is gepland.").wait_for()
    axe_clean(page, "inspection-detail")


def _record_on_site(page, inspection):
    page.set_viewport_size({"width": 768, "height": 1024})
    page.get_by_role("link", name="Ter plaatse: checklists, bevindingen en foto’s").click()
    page.get_by_role("heading", name=f"Ter plaatse: {inspection.reference}").wait_for()
    axe_clean(page, "inspection-site-768")
    # Nothing is wider than the tablet's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    for partner in PartnerKind.objects.filter(name__in=PARTNERS):
        first = partner.items.first()
        page.locator(f"#id_p{partner.pk}-item_{first.pk}_1").check()  # a violation
        page.locator(f"#id_p{partner.pk}-note_{first.pk}").fill(f"Gezien door {partner.name}")
        page.get_by_role("button", name=f"Bevindingen van {partner.name} opslaan").click()
        page.get_by_text(f"De bevindingen van {partner.name} zijn opgeslagen.").wait_for()
    axe_clean(page, "inspection-site-recorded")


def test_an_integrale_controle_with_three_partners_becomes_a_case(
    page, live_server, toezichthouder
):
    from django.utils import timezone

    make_address("Havenkade", 7, "3131AB", "Weerdam")
    OrganisationFactory(name="Shisha Lounge Havenkade", kvk_number="87654321")
    sign_in(page, live_server, "toezichthouder")
    _plan(page, timezone.localdate().isoformat())
    inspection = Inspection.objects.get()
    assert inspection.participations.count() == 3
    _record_on_site(page, inspection)
    assert Finding.objects.filter(inspection=inspection, result="violation").count() == 3
    page.get_by_role("link", name=f"Terug naar {inspection.reference}").click()
    page.get_by_label("Bevindingen", exact=True).check()
    page.locator("#uitkomst").get_by_label("Politie").check()
    page.get_by_role("button", name="Uitkomst vastleggen en afsluiten").click()
    page.get_by_text("De uitkomst is vastgelegd; de controle is afgesloten.").wait_for()
    axe_clean(page, "inspection-closed")
    page.get_by_label("Casustype").select_option(label="Hennep/drugs sluiting gemeente")
    page.get_by_role("button", name="Casus openen").click()
    page.get_by_text("Vanuit de controle is een casus geopend.").wait_for()
    inspection.refresh_from_db()
    assert inspection.made_case is not None
    assert "Gezien door Brandweer" in inspection.made_case.notes.get().text
    page.get_by_role("link", name=inspection.made_case.reference).click()
    page.get_by_role("heading", name=inspection.made_case.title).first.wait_for()
    page.goto(f"{live_server.url}/controles/planning/")
    axe_clean(page, "inspections-planning")
    assert page.foreign_requests == []


def test_an_address_check_where_nobody_was_found_plans_the_next(page, live_server, toezichthouder):
    make_address("Dijkweg", 8, "2611AA", "Weerdam")
    sign_in(page, live_server, "toezichthouder")
    page.goto(f"{live_server.url}/controles/adrescontroles/")
    axe_clean(page, "checks-list")
    page.get_by_role("link", name="Adrescontrole plannen").click()
    axe_clean(page, "check-plan")
    page.locator("#id_address").fill("2611 AA 8")
    page.get_by_role("button", name="Plannen").click()
    page.get_by_text("De adrescontrole is gepland.").wait_for()
    axe_clean(page, "check-detail")
    page.get_by_label("Niemand aangetroffen: opnieuw controleren").check()
    page.get_by_role("button", name="Uitkomst opslaan").click()
    page.get_by_text("De uitkomst van de adrescontrole is vastgelegd.").wait_for()
    page.get_by_text("Volgende controle").wait_for()
    axe_clean(page, "check-recorded")
