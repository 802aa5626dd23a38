"""Importing BRP persons and occupancy: Haal Centraal JSON (RvIG test persons) and CSV."""

from pathlib import Path

import duckdb
import pytest

from weerbaar.core.bsn import bsn_hash
from weerbaar.warehouse import services
from weerbaar.warehouse.models import ImportRun, Rejection

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[1] / "data" / "brp-testpersonen"


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")
    return settings.WAREHOUSE_PATH


def _query(path, sql, *params):
    with duckdb.connect(path) as con:
        return con.execute(sql, list(params)).fetchall()


def test_persons_json_is_loaded_with_hashed_bsn_only(warehouse):
    run = services.import_brp(path=DATA / "personen-test-data.json")
    assert (run.status, run.rows_read, run.rows_rejected) == ("loaded", 1176, 1)
    assert _query(warehouse, "SELECT count(*) FROM brp_person") == [(1175,)]
    person = _query(
        warehouse,
        "SELECT surname, prefix, birth_date FROM brp_person WHERE bsn_hash = ?",
        bsn_hash("000009830"),
    )
    assert person[0][:2] == ("Ven-Van Roedelrode tot Broekzucht", "van der")
    assert str(person[0][2]) == "1975-07-07"
    # the clear number is nowhere: not in the warehouse file, not in the report
    assert b"000009830" not in Path(warehouse).read_bytes()
    assert not Rejection.objects.filter(row__contains="0000").exists()
    assert Rejection.objects.get().row.startswith("item ")


def test_occupancy_json_adds_history_and_keeps_persons(warehouse):
    services.import_brp(path=DATA / "personen-test-data.json")
    run = services.import_brp(path=DATA / "bewoning-test-data.json")
    assert run.status == "loaded"
    counts = dict(_query(warehouse, "SELECT source, count(*) FROM brp_residence GROUP BY 1"))
    assert counts["personen"] > 1000 and counts["bewoning"] > 1500
    assert _query(warehouse, "SELECT count(*) FROM brp_person") == [(1175,)]
    ended = _query(
        warehouse,
        "SELECT count(*) FROM brp_residence WHERE source = 'bewoning' AND date_until IS NOT NULL",
    )
    assert ended[0][0] > 0


CSV = """bsn;geslachtsnaam;voorvoegsel;voornamen;geboortedatum;geslacht;adresseerbaar_object_id;nummeraanduiding_id;straat;huisnummer;postcode;datum_aanvang;datum_einde
999993653;Jansen;;Piet;1980-02-00;M;0221010000330226;0221200000330227;Kosterstraat;4;6981CH;2020-01-01;
999993653;Jansen;;Piet;1980-02-00;M;0221010000330999;0221200000330229;Singel;9;;2015-05-01;2019-12-31
123456789;Fout;;Nummer;1990-01-01;V;0221010000330226;0221200000330227;Kosterstraat;4;6981CH;2021-01-01;
"""


def test_flat_csv_with_history_and_a_bad_bsn(tmp_path, warehouse):
    path = tmp_path / "brp.csv"
    path.write_text(CSV)
    run = services.import_brp(path=path, fmt="csv")
    assert (run.status, run.rows_read, run.rows_rejected) == ("loaded", 3, 1)
    assert Rejection.objects.get().row == "regel 4"
    rows = _query(
        warehouse, "SELECT address_object_id, date_from, date_until FROM brp_residence ORDER BY 2"
    )
    assert [(r[0], str(r[1]), r[2] and str(r[2])) for r in rows] == [
        ("0221010000330999", "2015-05-01", "2019-12-31"),
        ("0221010000330226", "2020-01-01", None),
    ]
    birth = _query(warehouse, "SELECT birth_date FROM brp_person")
    assert str(birth[0][0]) == "1980-02-01"  # unknown day counts as the first


def test_broken_json_changes_nothing(tmp_path, warehouse):
    services.import_brp(path=DATA / "personen-test-data.json")
    broken = tmp_path / "personen.json"
    broken.write_bytes((DATA / "personen-test-data.json").read_bytes()[:20000])
    run = services.import_brp(path=broken)
    assert run.status == "failed"
    assert _query(warehouse, "SELECT count(*) FROM brp_person") == [(1175,)]
    assert ImportRun.objects.filter(status="loaded").count() == 1


@pytest.mark.parametrize(
    "value",
    ["1980-03-05", "19800305", "1980-00-00", "1980-02-00", "1980-02-30", "00000000", "", "1980",
     "abcdefgh", "2024-12-31", "1980-3-5", "1980-03-5 ", " 1980-03-05", "+1980-03-05"],
)  # fmt: skip
def test_dates_read_by_duckdb_follow_the_gba_rules(value):
    import duckdb

    from weerbaar.warehouse.brp import _gba_sql, gba_date

    sql = f"SELECT {_gba_sql('v')} FROM (SELECT ? AS v)"  # noqa: S608 - constant SQL
    got = duckdb.sql(sql, params=[value]).fetchone()
    assert got[0] == gba_date(value.replace("-", ""))


@pytest.mark.parametrize("value", ["111222333", "11122233", "111.222.333", "123456789", "0", ""])
def test_the_eleven_test_in_sql_agrees_with_the_python_one(value, settings):
    import duckdb

    from weerbaar.warehouse.brp import _NINE, _VALID, hashed

    sql = f"SELECT {_VALID} FROM (SELECT {_NINE} AS n FROM (SELECT ? AS bsn))"  # noqa: S608
    assert bool(duckdb.sql(sql, params=[value]).fetchone()[0]) == (hashed(value) is not None)


def test_the_hash_of_the_bulk_csv_import_is_the_same_as_everywhere(tmp_path, warehouse):
    from weerbaar.core.bsn import bsn_hash

    path = tmp_path / "brp.csv"
    path.write_text(
        "bsn;geslachtsnaam;voorvoegsel;voornamen;geboortedatum;geslacht;adresseerbaar_object_id;"
        "nummeraanduiding_id;straat;huisnummer;postcode;datum_aanvang;datum_einde\n"
        "999993653;Jansen;;Piet;1980-01-01;M;V1;N1;Markt;1;6981AB;2015-01-01;\n"
        "99999365;Jansen;;Kees;1980-01-01;M;V1;N1;Markt;1;6981AB;2015-01-01;\n",
        encoding="utf-8",
    )
    run = services.import_brp(path=path, fmt="csv")
    hashes = {h for (h,) in _query(warehouse, "SELECT bsn_hash FROM brp_person")}
    assert run.rows_rejected == 0 and hashes == {bsn_hash("999993653"), bsn_hash("099999365")}


def test_a_warehouse_of_an_earlier_version_loses_its_slow_key_index(tmp_path, warehouse):
    """Earlier versions kept a primary-key index on the persons: an import drops it, and
    still keeps one row per person."""
    with duckdb.connect(warehouse) as con:
        con.execute(
            "CREATE TABLE brp_person (bsn_hash VARCHAR PRIMARY KEY, surname VARCHAR, "
            "prefix VARCHAR, given_names VARCHAR, birth_date DATE, gender VARCHAR)"
        )
    path = tmp_path / "brp.csv"
    path.write_text(
        "bsn;geslachtsnaam;voorvoegsel;voornamen;geboortedatum;geslacht;adresseerbaar_object_id;"
        "nummeraanduiding_id;straat;huisnummer;postcode;datum_aanvang;datum_einde\n"
        "999993653;Jansen;;Piet;1980-01-01;M;V1;N1;Markt;1;6981AB;2015-01-01;2019-01-01\n"
        "999993653;Jansen;;Piet;1980-01-01;M;V2;N2;Markt;2;6981AB;2019-01-01;\n",
        encoding="utf-8",
    )
    assert services.import_brp(path=path, fmt="csv").status == "loaded"
    assert _query(warehouse, "SELECT count(*) FROM brp_person") == [(1,)]
    constraints = _query(
        warehouse,
        "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'brp_person' "
        "AND constraint_type = 'PRIMARY KEY'",
    )
    assert constraints == [(0,)]


def _item(bsn, born, since, until=None) -> dict:
    place = {"straat": "Kosterstraat", "huisnummer": 4, "postcode": "6981CH"}
    place |= {"adresseerbaarObjectIdentificatie": "0221010000330226"}
    place |= {"datumAanvangAdreshouding": since, "datumEindeAdreshouding": until}
    return {
        "burgerservicenummer": bsn,
        "naam": {"geslachtsnaam": "Jansen", "voornamen": "Piet"},
        "geboorte": {"datum": born},
        "verblijfplaats": place,
    }


def test_impossible_dates_are_refused_per_item_with_the_reason(tmp_path, warehouse):
    import json

    path = tmp_path / "personen.json"
    items = [
        _item("999993653", "19800201", "20200101"),
        _item("999993653", "18490101", "20200101"),  # born before 1850: a typing error
        _item("999993653", "19800201", "20620301"),  # 2062 typed for 2026
        _item("999993653", "19800201", "20200101", "20991231"),
    ]
    path.write_text(json.dumps(items))
    run = services.import_brp(path=path)
    assert (run.status, run.rows_read, run.rows_loaded) == ("loaded", 4, 1)
    assert [(r.row, r.reason) for r in run.rejections.all()] == [
        ("item 2", "geboortedatum ligt vóór 1850"),
        ("item 3", "datum aanvang adreshouding ligt in de toekomst"),
        ("item 4", "datum einde adreshouding ligt in de toekomst"),
    ]
    assert _query(warehouse, "SELECT max(date_from) FROM brp_residence")[0][0].year == 2020


def test_impossible_dates_in_the_flat_csv_are_refused_by_line(tmp_path, warehouse):
    header, good, *_rest = CSV.splitlines()
    lines = [
        header,
        good,
        good.replace("1980-02-00", "2031-05-05"),  # born in the future
        good.replace("2020-01-01", "1066-10-14"),
        good.replace(";2020-01-01;", ";2020-01-01;2062-01-01"),
        good.replace("999993653", "123456789").replace("2020-01-01", "2062-01-01"),  # BSN first
    ]
    path = tmp_path / "brp.csv"
    path.write_text("\n".join(lines) + "\n")
    run = services.import_brp(path=path, fmt="csv")
    assert (run.status, run.rows_read, run.rows_loaded) == ("loaded", 5, 1)
    assert [(r.row, r.reason) for r in run.rejections.all()] == [
        ("regel 6", "BSN ontbreekt of voldoet niet aan de 11-proef"),
        ("regel 3", "geboortedatum ligt in de toekomst"),
        ("regel 4", "datum aanvang adreshouding ligt vóór 1850"),
        ("regel 5", "datum einde adreshouding ligt in de toekomst"),
    ]
    assert _query(warehouse, "SELECT count(*) FROM brp_residence") == [(1,)]
