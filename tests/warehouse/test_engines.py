"""The rules run on DuckDB and on Apache Spark (local mode) through the same rule files, and
both engines return the same hits on the same data."""

import json
from datetime import date

import pytest

from tests.factories import make_address
from tests.warehouse.test_permits_and_links import TENANT_BSN, _closed_case, _permit, _permits
from tests.warehouse.test_rules import Town, _business, _kvk, _ordinary
from weerbaar.subjects import services as subject_services
from weerbaar.warehouse import db, engines, rules, services
from weerbaar.warehouse.alerts import _plain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")
    settings.WAREHOUSE_PARQUET = str(tmp_path / "parquet")


@pytest.fixture
def planted(tmp_path, regisseur, team):
    """Generated data with a hit for every rule."""
    closed = make_address("Loodsweg", 3, "6981AB", "Doesburg", bag_verblijfsobject_id="CLOSED")
    firm = subject_services.organisation_create(
        actor=None, source="test", name="Loods B.V.", kvk_number="10000007"
    )
    _closed_case(regisseur, team, [(closed, "location"), (firm, "involved")], date(2023, 5, 1))
    town = Town(tmp_path)
    town.address("CROWD", surface=96, use="woonfunctie")
    for n in range(14):
        town.register("CROWD", date(2012 + n % 10, 3, 1))
    town.address("SHOP", surface=300, use="winkelfunctie")
    town.register("SHOP", date(2024, 5, 1))
    town.address("CHURN", surface=120, use="woonfunctie")
    for k in range(5):
        town.register("CHURN", date(2025, 1, 10 + k), date(2025, 3, 1 + k))
    town.address("CLOSED", surface=90, use="woonfunctie")
    town.address("ELSEWHERE", surface=90, use="woonfunctie")
    tenant = TENANT_BSN
    town.people.append((tenant, "CLOSED", date(2020, 1, 1), date(2023, 6, 1)))
    town.people.append((tenant, "ELSEWHERE", date(2023, 7, 1), None))
    town.load()
    cluster = [
        _business(100 + n, sbi=s, founded="2012-06-01", postcode="6981ZZ", number=7)
        for n, s in enumerate(["6201", "4120", "8621", "9602", "4511", "7711"])
    ]
    returned = _business(7, founded="2024-01-01")  # kvk 10000007: the closed firm, again
    services.import_kvk(
        path=_kvk(
            tmp_path,
            _ordinary() + cluster + [_business(200, sbi="96021", founded="2016-03-01"), returned],
        )
    )
    services.import_permits(path=_permits(tmp_path, [_permit("V-1", kvk="10000007")]))
    services.import_closures()


def _hits(name):
    found = {}
    with db.connect() as con:
        engine = engines.create(con, name)
        for rule in rules.all_rules():
            for hit in engine.run(rule.sql, rule.params):
                facts = {k: _plain(v) for k, v in hit.items()}
                found[(rule.code, str(facts.pop("key")))] = json.dumps(facts, sort_keys=True)
    return found


@pytest.fixture
def spark():
    yield
    engines.spark_session().stop()  # before the test's output streams close


def test_both_engines_return_the_same_hits(planted, spark):
    duck = _hits("duckdb")
    assert {rule for rule, _key in duck} == {r.code for r in rules.all_rules()}
    assert _hits("spark") == duck
    # the switch the scan takes: the alerts come from Spark, the same ones
    from weerbaar.warehouse.models import Alert
    from weerbaar.warehouse.scan import scan

    assert scan(engine="spark")["new"] == len(duck)
    assert {(a.rule, a.key) for a in Alert.objects.all()} == set(duck)


def test_a_rule_translates_to_spark_sql_with_its_thresholds_filled_in():
    rule = rules.load(rules.FOLDER / "overcrowding.sql")
    sql = engines.to_spark(rule.sql, {"m2_per_person": 12, "min_persons": 4})
    assert "$" not in sql and "/ 12" in sql and ">= 4" in sql
    assert engines.to_spark("SELECT $name AS x", {"name": "O'Brien"}) == "SELECT 'O\\'Brien' AS x"
    assert "INTERVAL '5' YEAR" in engines.to_spark("SELECT d + to_years($y)", {"y": 5})


def test_the_linkage_model_gives_the_same_pairs_on_both_engines(spark, tmp_path):
    from tests.warehouse.test_linkage import _engine
    from weerbaar.demo.linkage_data import two_sources
    from weerbaar.warehouse import linkage

    left, right, truth = two_sources(1500, 1500, 750, seed=11)
    con = _engine(left, right)
    found = {}
    for name in ("duckdb", "spark"):
        if name == "spark":
            linkage.spark_tables(con, engines.spark_session(), tmp_path, ["lsrc", "rsrc"])
        pairs = linkage.link(linkage.engine_api(con, name), "lsrc", "rsrc", max_pairs=1e5)
        found[name] = {(p.left, p.right): p for p in pairs if p.match_probability >= 0.95}
    assert len(set(found["duckdb"]) & truth) / len(truth) >= 0.95
    same = set(found["duckdb"]) & set(found["spark"])
    assert len(same) >= 0.99 * max(len(found["duckdb"]), len(found["spark"]))
    # the same comparison outcomes for every pair both found
    assert all(
        {k: v[0] for k, v in found["duckdb"][key].weights.items()}
        == {k: v[0] for k, v in found["spark"][key].weights.items()}
        for key in same
    )
