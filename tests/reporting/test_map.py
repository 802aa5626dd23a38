"""The map (#16): counts per PC4, PC6 and hexagon, never traceable to one address for a
reader without need-to-know; single addresses only of what the reader may see; the base
layer from the BAG's own buildings; tiles only where set, and the CSP with them."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import SignalFactory, UserFactory, login, make_address
from weerbaar.audit.models import AuditRecord
from weerbaar.reporting import geography
from weerbaar.warehouse import services

pytestmark = pytest.mark.django_db
URL = reverse("reporting:map")
HEADER = (
    "nummeraanduiding_id;verblijfsobject_id;postcode;huisnummer;huisletter;toevoeging;straat;"
    "woonplaats;oppervlakte;gebruiksdoel;bouwjaar;x;y\n"
)
# Six addresses in 6981AB, one in 6981CD, and two in 6982EF a few kilometres away (RD New),
# each group near the centre of a hexagon of its own.
ADDRESSES = [("6981AB", n, 206500 + 10 * n, 447750) for n in range(1, 7)]
ADDRESSES += [("6981CD", 1, 207846, 448500)]
ADDRESSES += [("6982EF", n, 209570 + 10 * n, 450000) for n in range(1, 3)]


@pytest.fixture(autouse=True)
def bag(settings, tmp_path):
    load_bag(settings, tmp_path)


def load_bag(settings, tmp_path):
    """The addresses above, with their points, in a warehouse of the test's own."""
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")
    path = tmp_path / "bag.csv"
    lines = [
        f"02212{i:011d};02210{i:011d};{pc};{nr};;;Kerkstraat;Doesburg;90;woonfunctie;1920;{x};{y}"
        for i, (pc, nr, x, y) in enumerate(ADDRESSES)
    ]
    path.write_text(HEADER + "\n".join(lines) + "\n")
    assert services.import_bag(path=path, fmt="csv").rows_loaded == len(ADDRESSES)


def _signal(postcode, number, **fields):
    address = make_address(postcode=postcode, number=number, place="Doesburg")
    return SignalFactory(address=address, **fields)


@pytest.fixture
def world(team, other_team):
    for n in range(1, 7):
        _signal("6981AB", n, owner_team=team)
    _signal("6981CD", 1, owner_team=other_team)
    _signal("6982EF", 1, owner_team=other_team)
    _signal("6982EF", 2, owner_team=other_team)
    SignalFactory(location_text="ergens in het bos", owner_team=other_team)


def _shown(data):
    return {a.label: a.shown for a in data.areas}


def _year():
    return timezone.localdate().year


def test_per_pc4_the_mayor_gets_small_numbers_as_less_than_five(world, burgemeester, regisseur):
    mayor = geography.build(user=burgemeester, layer="meldingen", year=_year(), level="pc4")
    assert _shown(mayor) == {"6981": 7, "6982": "< 5"}
    assert mayor.unplaced.shown == "< 5"  # the signal without an address
    assert mayor.total.shown == "≥ 9"  # 7 + one per hidden cell: no hidden cell derivable
    drawn = {a["label"]: a["value"] for a in (x.as_json() for x in mayor.areas)}
    assert drawn == {"6981": 7, "6982": None}  # the number behind "< 5" is not in the page
    regie = geography.build(user=regisseur, layer="meldingen", year=_year(), level="pc4")
    assert _shown(regie) == {"6981": 7, "6982": 2} and regie.total.shown == 10


def test_a_pc6_of_few_addresses_or_a_small_number_counts_in_its_pc4(world, burgemeester, regisseur):
    mayor = geography.build(user=burgemeester, layer="meldingen", year=_year(), level="pc6")
    # 6981AB: six signals at six addresses, its own area. 6981CD (one address) and 6982EF
    # (two) are folded into the rest of their PC4.
    assert _shown(mayor) == {
        "6981AB": 6,
        "6981, andere postcodes": "< 5",
        "6982, andere postcodes": "< 5",
    }
    regie = geography.build(user=regisseur, layer="meldingen", year=_year(), level="pc6")
    assert _shown(regie) == {"6981AB": 6, "6981CD": 1, "6982EF": 2}


def test_a_hexagon_with_a_small_number_is_not_drawn(world, burgemeester, regisseur):
    mayor = geography.build(user=burgemeester, layer="meldingen", year=_year(), level="zeshoek")
    assert [a.shown for a in mayor.areas] == [6]  # the six of 6981AB lie in one hexagon
    assert mayor.scattered.shown == "< 5" and all(len(a.ring) == 7 for a in mayor.areas)
    regie = geography.build(user=regisseur, layer="meldingen", year=_year(), level="zeshoek")
    assert sorted(a.shown for a in regie.areas) == [1, 2, 6] and regie.scattered.total == 0


def test_single_addresses_only_with_need_to_know_and_only_what_one_may_see(world, behandelaar):
    mayor = UserFactory(username="bm", roles=["burgemeester"])  # in no team
    assert "adres" not in geography.levels_for(mayor, "meldingen")
    response = login(mayor).get(URL, {"laag": "meldingen", "jaar": _year(), "niveau": "adres"})
    assert response.status_code == 200 and response.context["data"] is None
    assert "adres" in geography.levels_for(behandelaar, "meldingen")
    own = geography.build(user=behandelaar, layer="meldingen", year=_year(), level="adres")
    # Only the team's signals: the other team's three addresses are absent, not counted.
    assert sorted(a.label for a in own.areas) == [f"6981AB {n}" for n in range(1, 7)]
    assert own.total.shown == 6 and own.unplaced.total == 0


def test_the_page_draws_the_table_and_records_the_read(world, burgemeester):
    response = login(burgemeester).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="area-table"' in body and "6981" in body
    drawing = json.loads(response.context["drawing"] and json.dumps(response.context["drawing"]))
    assert {a["label"] for a in drawing["areas"]} == {"6981", "6982"}
    assert drawing["extent"][0] == pytest.approx(6.13, abs=0.05) and drawing["tiles"] == ""
    record = AuditRecord.objects.filter(action="reporting.viewed").latest("id")
    extra = record.changes["extra"]
    assert extra["page"] == "kaart" and extra["level"] == "pc4"


def test_a_partner_gets_no_map_and_no_buildings(world, ketenpartner):
    client = login(ketenpartner)
    assert client.get(URL).status_code == 404
    assert (
        client.get(reverse("reporting:map_buildings"), {"bbox": "6,52,6.2,52.1"}).status_code == 404
    )


def test_the_buildings_of_the_box_shown(settings, tmp_path, burgemeester, monkeypatch):
    from pathlib import Path

    zip_path = Path(__file__).resolve().parents[2] / "src/weerbaar/demo/data/0221PND15092020.zip"
    assert services.import_bag(path=zip_path, fmt="pand").status == "loaded"
    client, url = login(burgemeester), reverse("reporting:map_buildings")
    small = client.get(url, {"bbox": "6.134,52.013,6.136,52.015"})
    outlines = json.loads(small.content)["outlines"]
    assert small.status_code == 200 and 0 < len(outlines) < 200
    assert all(ring[0] == ring[-1] for ring in outlines)
    assert json.loads(client.get(url, {"bbox": "0,40,1,41"}).content) == {"outlines": []}
    monkeypatch.setattr("weerbaar.reporting.map_views.BUILDINGS_LIMIT", 10)
    assert json.loads(client.get(url, {"bbox": "6.1,51.9,6.2,52.1"}).content) == {"too_many": True}
    assert json.loads(client.get(url).content) == {"too_many": True}  # no box: everything
    for bad in ("1,2,3", "a,b,c,d", "6.2,52,6.1,52.1", "nan,52,6.1,52.1"):
        response = client.get(url, {"bbox": bad})
        assert response.status_code == 400, bad


def test_tiles_only_where_set_and_the_csp_follows_on_the_map_page_alone(settings, burgemeester):
    client = login(burgemeester)
    assert "pdok" not in client.get(URL)["Content-Security-Policy"]
    settings.MAP_TILE_URL = (
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
    )
    response = client.get(URL)
    policy = response["Content-Security-Policy"]
    img = next(d for d in policy.split(";") if d.strip().startswith("img-src"))
    assert "https://service.pdok.nl" in img
    assert "pdok" not in client.get(reverse("reporting:overview"))["Content-Security-Policy"]
    assert "pdok" not in client.get(reverse("intake:report"))["Content-Security-Policy"]
