"""Where the BAG's objects lie: the verblijfsobject's point and the pand's outline kept at the
import (RD New, as delivered, and WGS84 for the map, converted with pyproj)."""

import json
import math
from pathlib import Path

import duckdb
import pytest

from weerbaar.core import geo
from weerbaar.warehouse import services

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "bag-doesburg-sample"
PANDEN = Path(__file__).resolve().parents[2] / "src/weerbaar/demo/data/0221PND15092020.zip"
# Kosterstraat 4, Doesburg: the point of its verblijfsobject in the delivery (RD New).
KOSTERSTRAAT = (206335.699, 447529.842)


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")
    return settings.WAREHOUSE_PATH


def _query(path, sql):
    with duckdb.connect(path) as con:
        return con.execute(sql).fetchall()


def test_the_xml_keeps_each_objects_point_and_each_buildings_outline(warehouse):
    assert services.import_bag(path=SAMPLE / "lv-expanded").status == "loaded"
    point = _query(
        warehouse,
        "SELECT rd_x, rd_y, lon, lat FROM bag_address WHERE nummeraanduiding_id = '0221200000330227'",
    )[0]
    assert point[:2] == KOSTERSTRAAT
    # Doesburg lies at about 6.135 E, 52.014 N.
    assert point[2] == pytest.approx(6.13499, abs=1e-4) and point[3] == pytest.approx(
        52.01375, abs=1e-4
    )
    buildings = _query(
        warehouse, "SELECT pand_id, west, south, east, north, outline FROM bag_building"
    )
    assert buildings
    pand = next(b for b in buildings if b[0] == "0221100000312938")
    ring = json.loads(pand[5])
    assert ring[0] == ring[-1] and len(ring) == 14  # closed, as the posList gives it
    assert pand[1] <= point[2] + 0.001 and pand[3] >= point[2] - 0.001
    assert all(pand[1] <= lon <= pand[3] and pand[2] <= lat <= pand[4] for lon, lat in ring)


def test_the_panden_alone_load_the_map_and_leave_the_addresses(warehouse, tmp_path):
    csv = tmp_path / "bag.csv"
    csv.write_text(
        "nummeraanduiding_id;verblijfsobject_id;postcode;huisnummer;huisletter;toevoeging;"
        "straat;woonplaats;oppervlakte;gebruiksdoel;bouwjaar\n"
        "0221200000000001;0221010000000001;6981AB;1;;;Kerkstraat;Doesburg;90;woonfunctie;1920\n"
    )
    services.import_bag(path=csv, fmt="csv")
    run = services.import_bag(path=PANDEN, fmt="pand")
    assert run.status == "loaded", run.error
    count, outside = _query(
        warehouse,
        "SELECT count(*), count(*) FILTER (WHERE west < 6.0 OR east > 6.3 OR south < 51.9 "
        "OR north > 52.1) FROM bag_building",
    )[0]
    assert count == run.rows_loaded and count > 7_000 and outside == 0
    assert run.rows_historic > 0  # the file holds ended occurrences too
    assert run.rows_read == count + run.rows_rejected
    assert _query(warehouse, "SELECT count(*) FROM bag_address")[0][0] == 1


def test_a_flat_csv_may_give_the_point_in_any_column_order(warehouse, tmp_path):
    path = tmp_path / "bag.csv"
    path.write_text(
        "x;y;nummeraanduiding_id;verblijfsobject_id;postcode;huisnummer;huisletter;toevoeging;"
        "straat;woonplaats;oppervlakte;gebruiksdoel;bouwjaar\n"
        "206335.699;447529.842;0221200000000001;0221010000000001;6981AB;1;;;Kerkstraat;"
        "Doesburg;90;woonfunctie;1920\n"
        ";;0221200000000002;0221010000000002;6981AB;2;;;Kerkstraat;Doesburg;90;woonfunctie;1920\n"
        "206335,7;447529;0221200000000003;0221010000000003;6981AB;3;;;Kerkstraat;Doesburg;90;"
        "woonfunctie;1920\n"
        "900000;447529;0221200000000004;0221010000000004;6981AB;4;;;Kerkstraat;Doesburg;90;"
        "woonfunctie;1920\n"
        "206335;;0221200000000005;0221010000000005;6981AB;5;;;Kerkstraat;Doesburg;90;"
        "woonfunctie;1920\n"
    )
    run = services.import_bag(path=path, fmt="csv")
    assert (run.status, run.rows_loaded) == ("loaded", 2)
    assert {r.row: r.reason for r in run.rejections.all()} == {
        "regel 4": "x en y moeten allebei een getal zijn, of allebei leeg",
        "regel 5": "het punt ligt buiten RD New (EPSG:28992)",
        "regel 6": "x en y moeten allebei een getal zijn, of allebei leeg",
    }
    rows = _query(
        warehouse, "SELECT house_number, street, lon, lat FROM bag_address ORDER BY house_number"
    )
    assert rows[0][:2] == (1, "Kerkstraat") and rows[0][2] == pytest.approx(6.13499, abs=1e-4)
    assert rows[1][2:] == (None, None)  # no point given: on no map, still an address


def test_a_warehouse_file_of_an_earlier_version_gets_the_new_columns(warehouse):
    with duckdb.connect(warehouse) as con:
        con.execute("CREATE TABLE bag_address (nummeraanduiding_id VARCHAR, postcode VARCHAR)")
        con.execute("INSERT INTO bag_address VALUES ('1', '6981AB')")
    from weerbaar.warehouse import db

    with db.connect() as con:
        assert con.execute("SELECT postcode, lon FROM bag_address").fetchall() == [("6981AB", None)]


@pytest.mark.parametrize("size", [250.0, 500.0])
def test_every_point_falls_in_the_hexagon_whose_centre_is_nearest(size):
    centres = {}
    for q in range(-3, 4):
        for r in range(-3, 4):
            centres[(q, r)] = (size * math.sqrt(3) * (q + r / 2), size * 1.5 * r)
    for i in range(2000):
        x, y = (i * 37.3) % (3 * size) - size, (i * 53.9) % (3 * size) - size
        nearest = min(centres, key=lambda c: math.dist(centres[c], (x, y)))
        assert geo.hexagon(x, y, size) == nearest
    ring = geo.hexagon_ring(0, 0, size)
    assert len(ring) == 7 and ring[0] == ring[-1]
