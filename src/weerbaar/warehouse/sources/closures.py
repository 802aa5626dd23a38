"""The municipality's own closures and warnings (Damocles, 174a, APV), with the persons and
organisations of their cases, copied from the case system before every scan: one row per
subject of the case. Written to a file first like any delivery, so the same copy twice
changes nothing; no closures at all is a valid state, not an empty delivery."""

import csv
import tempfile
from pathlib import Path

from django.utils.translation import gettext_lazy

from weerbaar.interventions.selectors import closures_for_warehouse
from weerbaar.warehouse import db
from weerbaar.warehouse.progress import CHECKED, READ
from weerbaar.warehouse.sources.base import Report, Source, insert_csv
from weerbaar.warehouse.sources.registry import register

COLUMNS = " ".join(db.CLOSURE.split("(", 1)[1].rsplit(")", 1)[0].split())


def _where(address) -> tuple:
    place = address.address if address else None
    if place is None:
        return ("", "", "")
    return (place.bag_verblijfsobject_id, place.postcode, place.house_number)


def _rows():
    for i in closures_for_warehouse():
        links = list(i.case.subject_links.all())
        address = next((link.subject for link in links if link.subject.kind == "address"), None)
        label = address.label if address else i.case.title
        people = [link.subject.person.bsn_hash for link in links if link.subject.kind == "person"]
        firms = [
            link.subject.organisation.kvk_number
            for link in links
            if link.subject.kind == "organisation"
        ]
        concerned = [(b, "") for b in people if b] + [("", k) for k in firms if k]
        for bsn, kvk in concerned or [("", "")]:
            yield (i.instrument.name, i.decision_on, label, *_where(address), bsn, kvk)


@register("closures")
class Closures(Source):
    label = gettext_lazy("Closures and warnings of the case system")
    may_be_empty = True

    def stage(self, con, path: Path, report: Report, progress) -> None:
        con.execute(f"CREATE TEMP TABLE stage_closure ({COLUMNS})")
        if path.stat().st_size:
            insert_csv(con, "stage_closure", COLUMNS, path)
        report.read = con.execute("SELECT count(*) FROM stage_closure").fetchone()[0]
        progress(report.read, READ)
        progress(report.read, CHECKED)

    def swap(self, con, report: Report) -> int:
        # Rebuilt whole: the table's shape may change between versions.
        con.execute("DROP TABLE IF EXISTS closure")
        con.execute(db.CLOSURE)
        con.execute("INSERT INTO closure SELECT * FROM stage_closure")
        return con.execute("SELECT count(*) FROM closure").fetchone()[0]


def copy(*, actor=None):
    """Copy the closures into the warehouse; returns the import run."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "closures.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows(("" if v is None else v for v in row) for row in _rows())
        return Closures().run(path=path, actor=actor)
