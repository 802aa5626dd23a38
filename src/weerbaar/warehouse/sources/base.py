"""What every warehouse source shares: the report of rejected rows, the staging of rows
through CSV files, the header check of a CSV delivery, and the one run of an import.

An import is all-or-nothing: the source stages and checks the delivery in temporary tables
inside one DuckDB transaction, and only then swaps it into the live tables; any failure
rolls the whole transaction back and the warehouse keeps what it had. Every rejected row is
reported with its reason; importing the same file as the last time changes nothing.

A source is a subclass of ``Source`` registered with ``@register("<id>")``
(``warehouse.sources.registry``) that fills in ``stage`` and ``swap``.
"""

import csv
import hashlib
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.warehouse import db, liveness
from weerbaar.warehouse.models import ImportRun, Rejection
from weerbaar.warehouse.progress import SWAPPED

Progress = Callable[[int, float], None]
BATCH = 10_000  # rows between two progress reports of a source read in Python


def no_progress(count: int, share: float) -> None:
    """The default for callers that show no progress (tests, the demo, closures)."""


def line(number: int) -> str:
    """Where a rejected row of a delivery read by lines was, in the report's words."""
    return _("line %(number)s") % {"number": number}


class Report:
    """Counts and rejections of one import, filled while reading."""

    def __init__(self):
        self.read = self.loaded = self.historic = 0
        self.rejections: list[tuple[str, str]] = []

    def reject(self, row: str, reason: str) -> None:
        self.rejections.append((str(row)[:120], str(reason)[:255]))


class Source(ABC):
    """One kind of registry delivery. ``stage`` reads the delivery into temporary tables
    and rejects what fails its checks into the report; ``swap`` replaces the live tables
    with what was staged and returns the rows loaded. Both run in the import's DuckDB
    transaction."""

    kind = ""  # the registry id, set by @register
    label = ""  # what the import page calls it
    endings: tuple[str, ...] = ()  # the file endings a page may upload; none: not from a page
    # An empty delivery is refused (a partial file must not empty the tables), unless the
    # source's own data may be empty.
    may_be_empty = False

    @abstractmethod
    def stage(self, con, path: Path, report: Report, progress: Progress) -> None:
        """Read the delivery at ``path`` into temporary tables, rejecting into ``report``."""

    @abstractmethod
    def swap(self, con, report: Report) -> int:
        """Replace the live tables with what was staged; the rows loaded."""

    def run(
        self, *, path, actor=None, progress: Progress = no_progress, run: ImportRun | None = None
    ) -> ImportRun:
        """Import the delivery at ``path``; returns the run with its report. ``run`` is the
        queued run of an import started from the web page."""
        path = Path(path)

        def work(con, report: Report) -> int:
            self.stage(con, path, report, progress)
            return self.swap(con, report)

        return run_import(
            source=self, path=path, actor=actor, work=work, run=run, progress=progress
        )


def check_csv_header(path: Path, columns: list[str]) -> list[str]:
    """Refuse a CSV before reading it when its encoding, delimiter or columns are wrong, with
    a message that names the file, the line and the problem; the header's columns."""
    with path.open("rb") as stream:
        first = stream.readline()
    where = {"file": path.name}
    try:
        header = first.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise ValueError(_("%(file)s, line 1: the file is not in UTF-8") % where) from None
    if ";" not in header and ("," in header or "\t" in header):
        raise ValueError(_("%(file)s, line 1: the delimiter must be a semicolon (;)") % where)
    missing = [c for c in columns if c not in header.split(";")]
    if missing:
        raise ValueError(
            _("%(file)s, line 1: columns missing: %(columns)s")
            % {**where, "columns": ", ".join(missing)}
        )
    return header.split(";")


def reject_by_checks(con, table: str, checks: list[tuple[str, str]], report: Report) -> set:
    """Reject the lines of staging ``table`` (with a ``line`` column) that meet a condition
    of ``checks`` ((SQL condition, reason), in order: a line gets the first reason that
    applies) and return their numbers; the caller removes them."""
    bad: set[int] = set()
    for condition, reason in checks:
        for (number,) in con.execute(f"SELECT line FROM {table} WHERE {condition}").fetchall():
            if number not in bad:
                report.reject(line(number), reason)
                bad.add(number)
    return bad


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for item in found:
        digest.update(item.name.encode())
        with item.open("rb") as stream:
            for block in iter(lambda: stream.read(1024 * 1024), b""):
                digest.update(block)
    return digest.hexdigest()


def insert_csv(con, table: str, ddl: str, path: Path) -> None:
    """Add the rows of a headerless CSV written by ``csv.writer`` (an empty field is NULL)
    to ``table``, whose columns ``ddl`` gives ("name TYPE, ...")."""
    types = ", ".join(f"'{col.split()[0]}': '{col.split()[1]}'" for col in ddl.split(", "))
    con.execute(
        f"INSERT INTO {table} SELECT * FROM read_csv(?, header=false, "
        f"quote='\"', escape='\"', columns={{{types}}})",
        [str(path)],
    )


class CsvStage:
    """Rows per staging table, spooled to temporary CSV files and loaded with one
    ``read_csv`` per table at the end: DuckDB reads a file in bulk far faster than it takes
    rows one by one (``executemany``), and Python keeps nothing but a file handle."""

    def __init__(self, con, tables: dict[str, str]):
        self.con, self.tables = con, tables
        self.folder = tempfile.TemporaryDirectory()
        self.files = {
            name: open(Path(self.folder.name) / f"{name}.csv", "w", newline="", encoding="utf-8")  # noqa: SIM115
            for name in tables
        }
        self.writers = {name: csv.writer(f) for name, f in self.files.items()}
        self.counts = dict.fromkeys(tables, 0)

    def add(self, name: str, row) -> None:
        self.writers[name].writerow("" if v is None else v for v in row)
        self.counts[name] += 1

    def load(self) -> None:
        try:
            for name, ddl in self.tables.items():
                self.files[name].close()
                if self.counts[name]:  # else nothing of this kind in the delivery
                    insert_csv(self.con, name, ddl, Path(self.files[name].name))
        finally:
            for f in self.files.values():
                f.close()
            self.folder.cleanup()


def _start(run: ImportRun | None, source: Source, path: Path, digest: str, actor) -> ImportRun:
    if run is None:
        run = ImportRun.objects.create(source=source.kind, file_name=path.name, started_by=actor)
    run.source, run.content_hash, run.status = source.kind, digest, ImportRun.Status.RUNNING
    run.worker, run.heartbeat_at = liveness.worker_id(), timezone.now()
    run.save(update_fields=["source", "content_hash", "status", "worker", "heartbeat_at"])
    return run


def _last_loaded(run: ImportRun) -> ImportRun | None:
    loaded = ImportRun.objects.filter(source=run.source, status=ImportRun.Status.LOADED)
    return loaded.exclude(pk=run.pk).order_by("-id").first()


def _load(source: Source, run: ImportRun, work, report: Report, progress: Progress) -> None:
    """``work`` in one DuckDB transaction, committed only when it loaded something."""
    with liveness.heartbeat(ImportRun, run.pk), db.connect() as con:
        con.execute("BEGIN TRANSACTION")
        try:
            report.loaded = work(con, report)
            if not report.loaded and not source.may_be_empty:
                # A partial or empty delivery must not empty the tables.
                raise ValueError(_("the delivery holds nothing to read; nothing has changed"))
            progress(report.read, SWAPPED)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def run_import(
    *, source: Source, path: Path, actor, work, run=None, progress: Progress
) -> ImportRun:
    """Run ``work(con, report)`` (stage, check, swap; returns rows loaded) in one DuckDB
    transaction, and record the run with its report; the same file as the last successful
    import of the source changes nothing."""
    liveness.reap()
    digest = file_hash(path)
    run = _start(run, source, path, digest, actor)
    last = _last_loaded(run)
    report = Report()
    if last and last.content_hash == digest:
        run.status = ImportRun.Status.UNCHANGED
        report.read, report.loaded = last.rows_read, last.rows_loaded
        report.historic = last.rows_historic
    else:
        try:
            _load(source, run, work, report, progress)
            run.status = ImportRun.Status.LOADED
        except Exception as exc:  # noqa: BLE001 - reported to the user, the warehouse is unchanged
            run.status, run.error = ImportRun.Status.FAILED, f"{type(exc).__name__}: {exc}"[:2000]
    _finish(run, report, actor)
    progress(report.read, 1.0)
    return run


@transaction.atomic
def _finish(run: ImportRun, report: Report, actor) -> None:
    run.rows_read, run.rows_loaded = report.read, report.loaded
    run.rows_rejected, run.rows_historic = len(report.rejections), report.historic
    run.finished_at = timezone.now()
    run.save()
    Rejection.objects.bulk_create(
        [Rejection(run=run, row=row, reason=reason) for row, reason in report.rejections]
    )
    audit_record(
        actor=actor,
        action=AuditAction.WAREHOUSE_IMPORT,
        obj=run,
        new={
            "source": run.source,
            "status": run.status,
            "read": run.rows_read,
            "loaded": run.rows_loaded,
            "rejected": run.rows_rejected,
        },
    )
