"""The BAG: the LV XML extract (folder, XML or nested zips, read by ``warehouse.bag``) or
the flat CSV of docs/warehouse.md, into the live ``bag_address``."""

import re
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.core import geo
from weerbaar.warehouse import bag, db
from weerbaar.warehouse.geo import add_wgs84
from weerbaar.warehouse.progress import CHECKED, READ
from weerbaar.warehouse.sources.base import (
    BATCH,
    CsvStage,
    Report,
    Source,
    check_csv_header,
    line,
    reject_by_checks,
)
from weerbaar.warehouse.sources.registry import register

POSTCODE = re.compile(r"^\d{4}[A-Z]{2}$")
STAGING = {
    "num": "id VARCHAR, postcode VARCHAR, huisnummer VARCHAR, huisletter VARCHAR, "
    "toevoeging VARCHAR, opr VARCHAR, wpl VARCHAR, begin VARCHAR",
    "opr": "id VARCHAR, naam VARCHAR, wpl VARCHAR",
    "wpl": "id VARCHAR, naam VARCHAR",
    "vbo": "id VARCHAR, num VARCHAR, gebruiksdoel VARCHAR, oppervlakte VARCHAR, pnd VARCHAR, "
    "status VARCHAR, begin VARCHAR, x DOUBLE, y DOUBLE",
    "pnd": "id VARCHAR, bouwjaar VARCHAR, west DOUBLE, south DOUBLE, east DOUBLE, "
    "north DOUBLE, outline VARCHAR",
}
ADDRESS_COLUMNS = (
    "nummeraanduiding_id, verblijfsobject_id, postcode, house_number, house_letter, addition, "
    "street, place, surface_m2, use_purpose, building_year, rd_x, rd_y, lon, lat"
)
# The live address table from the staged objects: one row per residential object's main
# address, with street and place through the public space, and the building's year. The
# staging holds each object and main address once (``_drop_repeats``): a DISTINCT ON here,
# with the ORDER BY, runs out of DuckDB's memory budget on a delivery of millions.
BUILD_ADDRESSES = f"""
INSERT INTO bag_address ({ADDRESS_COLUMNS})
SELECT
    n.id, v.id, NULLIF(n.postcode, ''), TRY_CAST(n.huisnummer AS INTEGER),
    NULLIF(n.huisletter, ''), NULLIF(n.toevoeging, ''),
    o.naam, COALESCE(w1.naam, w2.naam), TRY_CAST(v.oppervlakte AS INTEGER), v.gebruiksdoel,
    TRY_CAST(NULLIF(p.bouwjaar, '9999') AS INTEGER), v.x, v.y, v.lon, v.lat
FROM stage_vbo v
JOIN stage_num n ON n.id = v.num
LEFT JOIN stage_opr o ON o.id = n.opr
LEFT JOIN stage_wpl w1 ON w1.id = n.wpl
LEFT JOIN stage_wpl w2 ON w2.id = o.wpl
LEFT JOIN stage_pnd p ON p.id = v.pnd
ORDER BY n.id
"""
# The outlines of the delivery's buildings, for the map (a building without one is left out).
BUILD_BUILDINGS = """
INSERT INTO bag_building
SELECT id, TRY_CAST(NULLIF(bouwjaar, '9999') AS INTEGER), west, south, east, north, outline
FROM stage_pnd WHERE outline IS NOT NULL ORDER BY id
"""
# Flat CSV (docs/warehouse.md): the same columns as bag_address, semicolon-separated.
CSV_COLUMNS = [
    "nummeraanduiding_id",
    "verblijfsobject_id",
    "postcode",
    "huisnummer",
    "huisletter",
    "toevoeging",
    "straat",
    "woonplaats",
    "oppervlakte",
    "gebruiksdoel",
    "bouwjaar",
]
# Optional columns of the flat CSV: the object's point in RD New (metres), for the map.
CSV_POINT = ["x", "y"]
# The checks of a CSV line, in order: the first that applies is the line's reason.
CSV_CHECKS = [
    ("coalesce(nummeraanduiding_id, '') = ''", gettext_lazy("no nummeraanduiding id")),
    (
        "postcode IS NOT NULL AND NOT regexp_full_match(postcode, '[0-9]{4}[A-Z]{2}')",
        gettext_lazy("invalid postcode"),
    ),
    ("TRY_CAST(huisnummer AS INTEGER) IS NULL", gettext_lazy("house number is not a number")),
    ("TRY_CAST(huisnummer AS INTEGER) < 1", gettext_lazy("house number must be 1 or higher")),
    (
        "oppervlakte IS NOT NULL AND TRY_CAST(oppervlakte AS INTEGER) IS NULL",
        gettext_lazy("surface is not a number"),
    ),
    ("TRY_CAST(oppervlakte AS INTEGER) <= 0", gettext_lazy("surface must be greater than 0")),
    (
        "(x IS NULL) <> (y IS NULL) OR (x IS NOT NULL AND (TRY_CAST(x AS DOUBLE) IS NULL "
        "OR TRY_CAST(y AS DOUBLE) IS NULL))",
        gettext_lazy("x and y must both be numbers, or both empty"),
    ),
    (
        f"TRY_CAST(x AS DOUBLE) NOT BETWEEN {geo.RD_X[0]} AND {geo.RD_X[1]} "
        f"OR TRY_CAST(y AS DOUBLE) NOT BETWEEN {geo.RD_Y[0]} AND {geo.RD_Y[1]}",
        gettext_lazy("the point lies outside RD New (EPSG:28992)"),
    ),
    (
        "TRY_CAST(bouwjaar AS INTEGER) > year(current_date)",
        gettext_lazy("year of construction lies in the future"),
    ),
]


def _problem(kind: str, record: dict) -> str | None:
    """What is wrong with one object of the XML, in the report's words; None when fine."""
    if not record.get("id"):
        return _("object without an identification")
    # The BAG allows an address without postcode (e.g. some berths); a malformed one is an error.
    if kind == "num" and record["postcode"] and not POSTCODE.match(record["postcode"]):
        return _("postcode '%(value)s' is not a valid postcode") % {"value": record["postcode"]}
    if kind == "num" and not record["huisnummer"].isdigit():
        return _("house number '%(value)s' is not a number") % {"value": record["huisnummer"]}
    if kind == "vbo" and not record["num"]:
        return _("residential object without a main address")
    if kind == "vbo" and record["oppervlakte"] and not record["oppervlakte"].isdigit():
        return _("surface '%(value)s' is not a number") % {"value": record["oppervlakte"]}
    return None


def _check(kind: str, record: dict, part: str, report: Report) -> bool:
    problem = _problem(kind, record)
    if problem:
        report.reject(f"{part}: {kind.upper()} {record.get('id') or '?'}", problem)
    return problem is None


def _create_staging(con) -> None:
    for kind, columns in STAGING.items():
        con.execute(f"CREATE TEMP TABLE stage_{kind} ({columns})")


def _drop_repeats(con, report: Report) -> None:
    """Each object once, each main address for one object. Checked with a narrow aggregate
    first: a sound delivery has neither, and the window below is only run when needed."""
    for table in ("stage_num", "stage_vbo"):
        repeated = f"SELECT id FROM {table} GROUP BY id HAVING count(*) > 1"
        if not con.execute(f"SELECT EXISTS ({repeated})").fetchone()[0]:
            continue
        # Two current occurrences of one object: the one that began last holds; the other
        # counts as ended, like the occurrences with an end.
        superseded = con.execute(
            f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} "
            f"WHERE id IN ({repeated}) QUALIFY row_number() OVER "
            "(PARTITION BY id ORDER BY begin DESC, rowid DESC) > 1)"
        ).fetchone()[0]
        report.read, report.historic = report.read - superseded, report.historic + superseded
    shared = "SELECT num, min(id) AS keep FROM stage_vbo GROUP BY num HAVING count(*) > 1"
    if con.execute(f"SELECT EXISTS ({shared})").fetchone()[0]:
        dropped = con.execute(
            f"SELECT v.id, v.num, d.keep FROM stage_vbo v JOIN ({shared}) d ON v.num = d.num "
            "WHERE v.id <> d.keep ORDER BY v.id"
        ).fetchall()
        for vbo, num, kept in dropped:
            report.reject(
                f"VBO {vbo}",
                _("main address %(number)s is already the main address of VBO %(object)s")
                % {"number": num, "object": kept},
            )
        con.execute(
            f"DELETE FROM stage_vbo WHERE id IN (SELECT v.id FROM stage_vbo v "
            f"JOIN ({shared}) d ON v.num = d.num WHERE v.id <> d.keep)"
        )


@register("bag-xml")
class BagXml(Source):
    label = gettext_lazy("BAG: LV XML (.xml or .zip)")
    endings = (".xml", ".zip")

    def stage(self, con, path: Path, report: Report, progress) -> None:
        _create_staging(con)
        batches = CsvStage(con, {f"stage_{kind}": ddl for kind, ddl in STAGING.items()})
        for part, kind, record, done in bag.records(path):
            if record is None:
                report.historic += 1
                continue
            report.read += 1
            if _check(kind, record, part, report):
                batches.add(f"stage_{kind}", record.values())
            if report.read % BATCH == 0:
                progress(report.read, done() * READ)
        batches.load()
        progress(report.read, CHECKED)
        orphans = con.execute(
            "SELECT v.id, v.num FROM stage_vbo v LEFT JOIN stage_num n ON n.id = v.num "
            "WHERE n.id IS NULL ORDER BY v.id"
        ).fetchall()
        for vbo, num in orphans:
            report.reject(
                f"VBO {vbo}", _("main address %(number)s is not in the delivery") % {"number": num}
            )
        _drop_repeats(con, report)

    def swap(self, con, report: Report) -> int:
        add_wgs84(con, "stage_vbo")
        db.recreate(con, "bag_address")
        con.execute(BUILD_ADDRESSES)
        _swap_buildings(con)
        return con.execute("SELECT count(*) FROM bag_address").fetchone()[0]


def _swap_buildings(con) -> int:
    """The delivery's building outlines replace the map's; a delivery without buildings
    leaves the outlines that were there."""
    if not con.execute("SELECT count(*) FROM stage_pnd").fetchone()[0]:
        return con.execute("SELECT count(*) FROM bag_building").fetchone()[0]
    db.recreate(con, "bag_building")
    con.execute(BUILD_BUILDINGS)
    return con.execute("SELECT count(*) FROM bag_building").fetchone()[0]


@register("bag-pand")
class BagBuildings(Source):
    """The panden of a BAG LV delivery alone (e.g. ``0221PND15092020.zip``): the outlines the
    map draws, without touching the addresses."""

    label = gettext_lazy("BAG: buildings only, for the map (.xml or .zip)")
    endings = (".xml", ".zip")

    def stage(self, con, path: Path, report: Report, progress) -> None:
        _create_staging(con)
        batches = CsvStage(con, {"stage_pnd": STAGING["pnd"]})
        for part, kind, record, done in bag.records(path):
            if kind != "pnd":
                continue
            if record is None:
                report.historic += 1
                continue
            report.read += 1
            if _check(kind, record, part, report):
                if record["outline"] is None:
                    report.reject(f"{part}: PND {record['id']}", _("no outline that can be drawn"))
                else:
                    batches.add("stage_pnd", record.values())
            if report.read % BATCH == 0:
                progress(report.read, done() * READ)
        batches.load()
        progress(report.read, CHECKED)

    def swap(self, con, report: Report) -> int:
        return _swap_buildings(con)


@register("bag-csv")
class BagCsv(Source):
    label = gettext_lazy("BAG: flat CSV")
    endings = (".csv",)

    def stage(self, con, path: Path, report: Report, progress) -> None:
        header = check_csv_header(path, CSV_COLUMNS)
        # By name, in any order; the point only when both its columns are there.
        point = all(c in header for c in CSV_POINT)
        named = [f'"{c}"' for c in CSV_COLUMNS] + (
            ["x", "y"] if point else ["NULL AS x", "NULL AS y"]
        )
        con.execute(
            f"CREATE TEMP TABLE stage_csv AS SELECT row_number() OVER () + 1 AS line, "
            f"{', '.join(named)} FROM read_csv(?, delim=';', header=true, all_varchar=true)",
            [str(path)],
        )
        report.read = con.execute("SELECT count(*) FROM stage_csv").fetchone()[0]
        progress(report.read, READ)
        bad = sorted(reject_by_checks(con, "stage_csv", CSV_CHECKS, report))
        con.execute("DELETE FROM stage_csv WHERE list_contains(?, line)", [bad])
        duplicates = con.execute(
            "SELECT line, nummeraanduiding_id FROM (SELECT line, nummeraanduiding_id, "
            "row_number() OVER (PARTITION BY nummeraanduiding_id ORDER BY line) AS n "
            "FROM stage_csv) WHERE n > 1"
        ).fetchall()
        for number, num in duplicates:
            report.reject(
                line(number), _("nummeraanduiding %(number)s occurs earlier") % {"number": num}
            )
        con.execute(
            "DELETE FROM stage_csv WHERE list_contains(?, line)", [[d[0] for d in duplicates]]
        )
        progress(report.read, CHECKED)

    def swap(self, con, report: Report) -> int:
        con.execute(
            "CREATE TEMP TABLE stage_point AS SELECT nummeraanduiding_id, "
            "TRY_CAST(x AS DOUBLE) AS x, TRY_CAST(y AS DOUBLE) AS y FROM stage_csv"
        )
        add_wgs84(con, "stage_point")
        db.recreate(con, "bag_address")
        con.execute(
            f"INSERT INTO bag_address ({ADDRESS_COLUMNS}) SELECT c.nummeraanduiding_id, "
            "verblijfsobject_id, postcode, CAST(huisnummer AS INTEGER), huisletter, toevoeging, "
            "straat, woonplaats, TRY_CAST(oppervlakte AS INTEGER), gebruiksdoel, "
            "TRY_CAST(bouwjaar AS INTEGER), p.x, p.y, p.lon, p.lat FROM stage_csv c "
            "JOIN stage_point p USING (nummeraanduiding_id) ORDER BY c.nummeraanduiding_id"
        )
        return con.execute("SELECT count(*) FROM bag_address").fetchone()[0]
