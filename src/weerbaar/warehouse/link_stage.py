"""The application's side of the record linkage: its persons without a BSN and its
organisations without a KvK number, staged in an in-memory engine beside the warehouse."""

import csv
from pathlib import Path

import duckdb
from django.conf import settings

from weerbaar.subjects.selectors import organisations_for_linkage, persons_for_linkage

# From this probability a pair is linked without review; from REVIEW up it is shown to the
# analyst; below it nothing is kept.
ACCEPT, REVIEW = 0.95, 0.5

ADDRESS = ["street", "house_number", "postcode", "place"]
APP_COLUMNS = {
    "person": ["unique_id", "surname", "prefix", "given_names", "birth_date", *ADDRESS],
    "organisation": ["unique_id", "name", *ADDRESS],
}


def stage_engine() -> duckdb.DuckDBPyConnection:
    """An in-memory engine beside the warehouse file (attached read-only), so the model's
    working tables never land in the warehouse."""
    target = Path(settings.WAREHOUSE_PATH)
    con = duckdb.connect(
        config={
            "memory_limit": settings.WAREHOUSE_MEMORY,
            "temp_directory": str(target.parent / f"{target.stem}.tmp"),
        }
    )
    con.execute(f"ATTACH '{target}' AS wh (READ_ONLY)")
    return con


def stage_app(con, folder: Path, kind: str) -> int:
    """The application's records of ``kind`` as table ``app_raw`` (through a CSV file in
    ``folder``, so memory stays flat); returns how many there are."""
    path = folder / f"app_{kind}.csv"
    rows = persons_for_linkage() if kind == "person" else organisations_for_linkage()
    count = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(APP_COLUMNS[kind])
        for row in rows:
            out.writerow(row)
            count += 1
    types = ", ".join(f"'{c}': 'VARCHAR'" for c in APP_COLUMNS[kind])
    source = f"read_csv(?, header=true, columns={{{types}}})"
    con.execute(f"CREATE TABLE app_raw AS SELECT * FROM {source}", [str(path)])  # noqa: S608
    return count
