"""The DuckDB file of the informatiepakhuis and its tables."""

from contextlib import contextmanager
from pathlib import Path

import duckdb
from django.conf import settings

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS bag_address (
        nummeraanduiding_id VARCHAR PRIMARY KEY,
        verblijfsobject_id VARCHAR,
        postcode VARCHAR,
        house_number INTEGER,
        house_letter VARCHAR,
        addition VARCHAR,
        street VARCHAR,
        place VARCHAR,
        surface_m2 INTEGER,
        use_purpose VARCHAR,
        building_year INTEGER
    )""",
]


@contextmanager
def connect(path: str | None = None):
    """A connection to the warehouse file, with its tables in place."""
    target = Path(path or settings.WAREHOUSE_PATH)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(target))
    try:
        for statement in SCHEMA:
            con.execute(statement)
        yield con
    finally:
        con.close()
