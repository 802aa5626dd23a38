"""The 4-weekly list of new businesses: KvK establishments founded in the last 28 days,
grouped by branch (the SBI division, two digits) and area (the postcode's four digits), for
planning controls (docs/inspections.md)."""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from django.utils import timezone

from weerbaar.warehouse import db
from weerbaar.warehouse.sources.kvk import SBI_DIR

DAYS = 28


@cache
def division_titles() -> dict[str, str]:
    """The SBI 2008 divisions (two digits) and their titles, from the unmodified list."""
    rows = json.loads((SBI_DIR / "rootnode.json").read_text(encoding="utf-8"))
    return {row["pk"]: row["fields"]["title"] for row in rows}


@dataclass(frozen=True)
class Newcomer:
    establishment: str
    kvk_number: str
    name: str
    founded_on: date
    division: str
    postcode: str
    house_number: int | None
    street: str
    place: str

    @property
    def area(self) -> str:
        return (self.postcode or "")[:4]

    @property
    def branch(self) -> str:
        return division_titles().get(self.division, self.division or "—")


@dataclass(frozen=True)
class Group:
    division: str
    area: str
    count: int

    @property
    def branch(self) -> str:
        return division_titles().get(self.division, self.division or "—")


def since() -> date:
    return timezone.localdate() - timedelta(days=DAYS)


# One row per establishment: its first SBI code decides its branch (the main activity is
# registered first).
_ROWS = """
    SELECT establishment, kvk_number, name, founded_on,
           coalesce(substr(sbi_codes[1], 1, 2), '') AS division,
           coalesce(postcode, '') AS postcode, house_number,
           coalesce(street, '') AS street, coalesce(place, '') AS place
    FROM kvk_business WHERE founded_on >= ?
"""


def newcomers(*, division: str = "", area: str = "") -> list[Newcomer]:
    """The establishments founded since ``since()``, newest first, of one branch and area
    when given."""
    sql, params = _ROWS, [since()]
    if division:
        sql += " AND coalesce(substr(sbi_codes[1], 1, 2), '') = ?"
        params.append(division)
    if area:
        sql += " AND substr(coalesce(postcode, ''), 1, 4) = ?"
        params.append(area)
    with db.connect() as con:
        rows = con.execute(sql + " ORDER BY founded_on DESC, establishment", params).fetchall()
    return [Newcomer(*row) for row in rows]


def groups() -> list[Group]:
    """How many were founded per branch and area, the largest groups first."""
    with db.connect() as con:
        rows = con.execute(
            f"SELECT division, substr(postcode, 1, 4), count(*) FROM ({_ROWS}) "  # noqa: S608
            "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
            [since()],
        ).fetchall()
    return [Group(division, area, count) for division, area, count in rows]


def newcomer(establishment: str) -> Newcomer | None:
    with db.connect() as con:
        row = con.execute(_ROWS + " AND establishment = ?", [date.min, establishment]).fetchone()
    return Newcomer(*row) if row else None
