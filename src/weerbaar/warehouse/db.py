"""The DuckDB file of the informatiepakhuis and its tables."""

from contextlib import contextmanager
from pathlib import Path

import duckdb
from django.conf import settings

# Rebuilt from the case system before every scan (so its shape may change between versions).
CLOSURE = """CREATE TABLE IF NOT EXISTS closure (
        measure VARCHAR,
        decided_on DATE,
        closed_address VARCHAR,
        closed_object_id VARCHAR,
        closed_postcode VARCHAR,
        closed_house_number INTEGER,
        bsn_hash VARCHAR,
        kvk_number VARCHAR
    )"""
SCHEMA = [
    """CREATE TABLE IF NOT EXISTS bag_address (
        nummeraanduiding_id VARCHAR,
        verblijfsobject_id VARCHAR,
        postcode VARCHAR,
        house_number INTEGER,
        house_letter VARCHAR,
        addition VARCHAR,
        street VARCHAR,
        place VARCHAR,
        surface_m2 INTEGER,
        use_purpose VARCHAR,
        building_year INTEGER,
        rd_x DOUBLE,
        rd_y DOUBLE,
        lon DOUBLE,
        lat DOUBLE
    )""",
    # The buildings' outlines (WGS84), drawn as the map's own base layer.
    """CREATE TABLE IF NOT EXISTS bag_building (
        pand_id VARCHAR,
        building_year INTEGER,
        west DOUBLE,
        south DOUBLE,
        east DOUBLE,
        north DOUBLE,
        outline VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS brp_person (
        bsn_hash VARCHAR,
        surname VARCHAR,
        prefix VARCHAR,
        given_names VARCHAR,
        birth_date DATE,
        gender VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS kvk_business (
        establishment VARCHAR,
        kvk_number VARCHAR,
        name VARCHAR,
        sbi_codes VARCHAR[],
        founded_on DATE,
        postcode VARCHAR,
        house_number INTEGER,
        house_letter VARCHAR,
        addition VARCHAR,
        street VARCHAR,
        place VARCHAR
    )""",
    "CREATE TABLE IF NOT EXISTS sbi_code "
    "(code VARCHAR PRIMARY KEY, title VARCHAR, division VARCHAR)",
    # The municipality's own closures and warnings (Damocles, 174a, APV), one row per subject
    # of the case: the closed address, and the persons and organisations concerned.
    CLOSURE,
    # Permits from the municipality's permit system (exploitatie, alcohol, horeca, ...).
    """CREATE TABLE IF NOT EXISTS permit (
        permit_number VARCHAR PRIMARY KEY,
        permit_type VARCHAR,
        holder VARCHAR,
        kvk_number VARCHAR,
        bsn_hash VARCHAR,
        postcode VARCHAR,
        house_number INTEGER,
        house_letter VARCHAR,
        addition VARCHAR,
        street VARCHAR,
        place VARCHAR,
        granted_on DATE,
        valid_until DATE
    )""",
    # Who is (or was) registered where; each source replaces only its own rows.
    """CREATE TABLE IF NOT EXISTS brp_residence (
        source VARCHAR,
        bsn_hash VARCHAR,
        address_object_id VARCHAR,
        nummeraanduiding_id VARCHAR,
        street VARCHAR,
        house_number INTEGER,
        postcode VARCHAR,
        date_from DATE,
        date_until DATE
    )""",
    # Persons registered now per verblijfsobject, over every source: counted at each BRP
    # import (``count_occupancy``), because two rules need it and counting 18 million
    # distinct hashes would otherwise be most of a national scan.
    "CREATE TABLE IF NOT EXISTS brp_occupancy (address_object_id VARCHAR, persons BIGINT)",
]


# The large tables have no primary-key index: every import replaces them whole and checks
# their keys itself (an index over 18 million hashed BSNs costs more than the rest of the
# import). ``recreate`` also drops the index a warehouse file of an earlier version has.
def recreate(con, table: str) -> None:
    ddl = next(d for d in SCHEMA if f"EXISTS {table} (" in d)
    con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute(ddl)


def count_occupancy(con) -> None:
    recreate(con, "brp_occupancy")
    con.execute(
        "INSERT INTO brp_occupancy SELECT address_object_id, count(DISTINCT bsn_hash) "
        "FROM brp_residence WHERE date_until IS NULL AND address_object_id IS NOT NULL "
        "GROUP BY address_object_id"
    )


# Columns added after the first version, with their type: a warehouse file of an earlier
# version gets them (empty) when opened, until its next import fills them.
ADDED_COLUMNS = {
    "bag_address": {"rd_x": "DOUBLE", "rd_y": "DOUBLE", "lon": "DOUBLE", "lat": "DOUBLE"}
}


def _add_columns(con) -> None:
    for table, columns in ADDED_COLUMNS.items():
        have = {
            name
            for (name,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]
            ).fetchall()
        }
        for name, kind in columns.items():
            if name not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")


def _tables(con) -> set[str]:
    return {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


@contextmanager
def connect(path: str | None = None):
    """A connection to the warehouse file, with its tables in place."""
    target = Path(path or settings.WAREHOUSE_PATH)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A fixed memory budget: DuckDB spills to disk beyond it, so an import or scan of any
    # size runs in the same memory (WAREHOUSE_MEMORY, e.g. "256MB" or "4GB").
    con = duckdb.connect(
        str(target),
        config={
            "memory_limit": settings.WAREHOUSE_MEMORY,
            "temp_directory": str(target.parent / f"{target.stem}.tmp"),
        },
    )
    try:
        before = _tables(con)
        for statement in SCHEMA:
            con.execute(statement)
        if "brp_residence" in before and "brp_occupancy" not in before:
            count_occupancy(con)  # a warehouse file of an earlier version
        _add_columns(con)
        yield con
    finally:
        con.close()
