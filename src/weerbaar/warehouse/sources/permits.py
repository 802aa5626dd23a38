"""Permits from the municipality's permit system, as the CSV of docs/warehouse.md (read
line by line by ``warehouse.permits``: a holder's BSN is hashed before anything is written)."""

from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext_lazy

from weerbaar.warehouse import permits
from weerbaar.warehouse.progress import CHECKED, READ, MeteredFile
from weerbaar.warehouse.sources.base import (
    BATCH,
    CsvStage,
    Report,
    Source,
    check_csv_header,
    line,
)
from weerbaar.warehouse.sources.registry import register


@register("permits-csv")
class PermitsCsv(Source):
    label = gettext_lazy("Permits: CSV")
    endings = (".csv",)

    def stage(self, con, path: Path, report: Report, progress) -> None:
        check_csv_header(path, permits.COLUMNS)
        stage = CsvStage(con, {"stage_permit": permits.STAGE})
        con.execute(f"CREATE TEMP TABLE stage_permit ({permits.STAGE})")
        with MeteredFile(path) as file:
            for number, problem, row in permits.rows(file.stream, timezone.localdate()):
                report.read += 1
                if problem:
                    report.reject(line(number), problem)
                else:
                    stage.add("stage_permit", row)
                if report.read % BATCH == 0:
                    progress(report.read, file.done() * READ)
        stage.load()
        progress(report.read, CHECKED)

    def swap(self, con, report: Report) -> int:
        con.execute("DELETE FROM permit")
        con.execute("INSERT INTO permit SELECT * FROM stage_permit ORDER BY permit_number")
        return con.execute("SELECT count(*) FROM permit").fetchone()[0]
