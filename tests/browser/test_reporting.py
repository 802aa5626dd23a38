"""The mayor's overview and the yearly report in a real browser, as the burgemeester and as a
partner who gets none of it (#16); axe-core on every page, charts drawn from their tables."""

from pathlib import Path

import pytest

from tests.browser.conftest import axe_clean, sign_in
from tests.reporting import westland

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PANDEN = Path(__file__).resolve().parents[2] / "src/weerbaar/demo/data/0221PND15092020.zip"


def test_the_mayor_reads_the_overview_and_the_report(
    page, live_server, burgemeester, regisseur, other_team
):
    from tests.factories import SignalFactory

    westland.load(regisseur, other_team)
    SignalFactory.create_batch(3)
    sign_in(page, live_server, "burgemeester")
    page.get_by_role("link", name="Overzicht", exact=True).click()
    page.get_by_role("heading", name="Overzicht", exact=True).wait_for()
    page.get_by_role("table", name="Open signalen naar status en leeftijd").wait_for()
    # Chart.js drew on the canvas from the table (not a blank canvas).
    page.wait_for_function("document.getElementById('chart-signalen').toDataURL().length > 5000")
    axe_clean(page, "reporting-overview")

    page.get_by_role("link", name="Het jaarverslag").click()
    page.get_by_label("Vanaf het jaar").select_option("2016")
    page.get_by_label("Tot en met").select_option("2019")
    page.get_by_role("button", name="Tonen").click()
    table = page.get_by_role("table", name="Casussen per categorie")
    totals = table.locator("tr.total-row td").all_inner_texts()
    # The mayor may not see these cases: small numbers are hidden, and a total over a hidden
    # number shows the least it can be, so it cannot give the hidden one away.
    assert [t.strip() for t in totals] == ["< 5", "≥ 8", "≥ 10", "≥ 23"]
    axe_clean(page, "reporting-yearly-report")
    assert page.foreign_requests == []


def test_the_mayor_reads_the_map_drawn_on_the_bags_own_buildings(
    page, live_server, burgemeester, other_team, settings, tmp_path
):
    from tests.reporting.test_map import _signal, load_bag
    from weerbaar.warehouse import services

    load_bag(settings, tmp_path)  # the addresses of tests/reporting/test_map.py
    services.import_bag(path=PANDEN, fmt="pand")
    for n in range(1, 7):
        _signal("6981AB", n, owner_team=other_team)
    _signal("6982EF", 1, owner_team=other_team)
    sign_in(page, live_server, "burgemeester")
    page.get_by_role("link", name="Overzicht", exact=True).click()
    page.get_by_role("link", name="De kaart").click()
    page.get_by_role("heading", name="Kaart", exact=True).wait_for()
    table = page.get_by_role("table", name="Signalen per gebied in")
    table.wait_for()
    rows = table.locator("tbody tr").all_inner_texts()
    assert [r.split("\t") for r in rows][:2] == [["6981", "6"], ["6982", "< 5"]]
    # Leaflet drew the areas and, from our own server, the buildings of the part shown.
    page.wait_for_selector("#area-map .leaflet-overlay-pane canvas")
    page.get_by_role("button", name="Inzoomen").click()
    page.wait_for_function("document.getElementById('area-map-status').textContent === ''")
    page.get_by_label("Geteld per").select_option("zeshoek")
    page.get_by_role("button", name="Tonen").click()
    page.get_by_role("table", name="Signalen per gebied in").wait_for()
    assert page.get_by_role("option", name="Adressen (alleen wat u mag zien)").count() == 0
    axe_clean(page, "reporting-map")
    assert page.foreign_requests == []


def test_a_partner_gets_none_of_it(page, live_server, ketenpartner):
    sign_in(page, live_server, "ketenpartner")
    assert page.get_by_role("link", name="Overzicht", exact=True).count() == 0
    for path in (
        "/verantwoording/overzicht/",
        "/verantwoording/?van=2016&tot=2019",
        "/verantwoording/kaart/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 404
    axe_clean(page, "reporting-partner-404")
