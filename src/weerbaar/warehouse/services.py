"""Public API of the warehouse app for writes: importing registry extracts.

Each import is all-or-nothing: everything is read into staging tables inside one DuckDB
transaction, checked, and only then swapped into the live table; any failure rolls the whole
transaction back and the warehouse keeps what it had. Every rejected row is reported with its
reason; re-importing the same file changes nothing.
"""

import csv
import hashlib
import re
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core import files
from weerbaar.interventions.selectors import closures_for_warehouse
from weerbaar.signals.constants import Channel, SubjectRole
from weerbaar.signals.services import signal_create, signal_link_subject
from weerbaar.warehouse import bag, brp, db, liveness, permits
from weerbaar.warehouse.models import Alert, ImportRun, RegistryLink, Rejection, ScanRun
from weerbaar.warehouse.progress import CHECKED, READ, SWAPPED, MeteredFile

Progress = Callable[[int, float], None]

BATCH = 10_000
POSTCODE = re.compile(r"^\d{4}[A-Z]{2}$")
STAGING = {
    "num": "id VARCHAR, postcode VARCHAR, huisnummer VARCHAR, huisletter VARCHAR, "
    "toevoeging VARCHAR, opr VARCHAR, wpl VARCHAR, begin VARCHAR",
    "opr": "id VARCHAR, naam VARCHAR, wpl VARCHAR",
    "wpl": "id VARCHAR, naam VARCHAR",
    "vbo": "id VARCHAR, num VARCHAR, gebruiksdoel VARCHAR, oppervlakte VARCHAR, pnd VARCHAR, "
    "status VARCHAR, begin VARCHAR",
    "pnd": "id VARCHAR, bouwjaar VARCHAR",
}
# The live address table from the staged objects: one row per residential object's main
# address, with street and place through the public space, and the building's year. The
# staging holds each object and main address once (``_drop_repeats``): a DISTINCT ON here,
# with the ORDER BY, runs out of DuckDB's memory budget on a delivery of millions.
BUILD_ADDRESSES = """
INSERT INTO bag_address
SELECT
    n.id, v.id, NULLIF(n.postcode, ''), TRY_CAST(n.huisnummer AS INTEGER),
    NULLIF(n.huisletter, ''), NULLIF(n.toevoeging, ''),
    o.naam, COALESCE(w1.naam, w2.naam), TRY_CAST(v.oppervlakte AS INTEGER), v.gebruiksdoel,
    TRY_CAST(NULLIF(p.bouwjaar, '9999') AS INTEGER)
FROM stage_vbo v
JOIN stage_num n ON n.id = v.num
LEFT JOIN stage_opr o ON o.id = n.opr
LEFT JOIN stage_wpl w1 ON w1.id = n.wpl
LEFT JOIN stage_wpl w2 ON w2.id = o.wpl
LEFT JOIN stage_pnd p ON p.id = v.pnd
ORDER BY n.id
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


def check_csv_header(path: Path, columns: list[str]) -> None:
    """Refuse a CSV before reading it when its encoding, delimiter or columns are wrong, with
    a message that names the file, the line and the problem."""
    with path.open("rb") as stream:
        first = stream.readline()
    try:
        header = first.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise ValueError(f"{path.name}, regel 1: het bestand is niet in UTF-8") from None
    if ";" not in header and ("," in header or "\t" in header):
        raise ValueError(f"{path.name}, regel 1: het scheidingsteken moet een puntkomma (;) zijn")
    missing = [c for c in columns if c not in header.split(";")]
    if missing:
        raise ValueError(f"{path.name}, regel 1: kolommen ontbreken: {', '.join(missing)}")


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for item in files:
        digest.update(item.name.encode())
        with item.open("rb") as stream:
            for block in iter(lambda: stream.read(1024 * 1024), b""):
                digest.update(block)
    return digest.hexdigest()


class Report:
    """Counts and rejections of one import, filled while reading."""

    def __init__(self):
        self.read = self.loaded = self.historic = 0
        self.rejections: list[tuple[str, str]] = []

    def reject(self, row: str, reason: str) -> None:
        self.rejections.append((row[:120], reason[:255]))


def _check(kind: str, record: dict, part: str, report: Report) -> bool:
    where = f"{part}: {kind.upper()} {record.get('id') or '?'}"
    if not record.get("id"):
        report.reject(where, "object zonder identificatie")
        return False
    # The BAG allows an address without postcode (e.g. some berths); a malformed one is an error.
    if kind == "num" and record["postcode"] and not POSTCODE.match(record["postcode"]):
        report.reject(where, f"postcode '{record['postcode']}' is geen geldige postcode")
        return False
    if kind == "num" and not record["huisnummer"].isdigit():
        report.reject(where, f"huisnummer '{record['huisnummer']}' is geen getal")
        return False
    if kind == "vbo" and not record["num"]:
        report.reject(where, "verblijfsobject zonder hoofdadres")
        return False
    if kind == "vbo" and record["oppervlakte"] and not record["oppervlakte"].isdigit():
        report.reject(where, f"oppervlakte '{record['oppervlakte']}' is geen getal")
        return False
    return True


class _CsvStage:
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
                if not self.counts[name]:
                    continue  # nothing of this kind in the delivery
                types = ", ".join(
                    f"'{col.split()[0]}': '{col.split()[1]}'" for col in ddl.split(", ")
                )
                self.con.execute(
                    f"INSERT INTO {name} SELECT * FROM read_csv(?, header=false, "
                    f"quote='\"', escape='\"', columns={{{types}}})",
                    [self.files[name].name],
                )
        finally:
            for f in self.files.values():
                f.close()
            self.folder.cleanup()


def _stage_xml(con, path: Path, report: Report, progress) -> None:
    batches = _CsvStage(con, {f"stage_{kind}": ddl for kind, ddl in STAGING.items()})
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
        report.reject(f"VBO {vbo}", f"hoofdadres {num} staat niet in de levering")
    _drop_repeats(con, report)


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
            report.reject(f"VBO {vbo}", f"hoofdadres {num} is al hoofdadres van VBO {kept}")
        con.execute(
            f"DELETE FROM stage_vbo WHERE id IN (SELECT v.id FROM stage_vbo v "
            f"JOIN ({shared}) d ON v.num = d.num WHERE v.id <> d.keep)"
        )


def _stage_csv(con, path: Path, report: Report, progress) -> None:
    check_csv_header(path, CSV_COLUMNS)
    columns = ", ".join(f"'{c}': 'VARCHAR'" for c in CSV_COLUMNS)
    con.execute(
        "CREATE TEMP TABLE stage_csv AS SELECT row_number() OVER () + 1 AS line, * FROM "
        f"read_csv(?, delim=';', header=true, columns={{{columns}}})",
        [str(path)],
    )
    report.read = con.execute("SELECT count(*) FROM stage_csv").fetchone()[0]
    progress(report.read, READ)
    checks = [
        ("coalesce(nummeraanduiding_id, '') = ''", "geen nummeraanduiding-id"),
        (
            "postcode IS NOT NULL AND NOT regexp_full_match(postcode, '[0-9]{4}[A-Z]{2}')",
            "ongeldige postcode",
        ),
        ("TRY_CAST(huisnummer AS INTEGER) IS NULL", "huisnummer is geen getal"),
        ("TRY_CAST(huisnummer AS INTEGER) < 1", "huisnummer moet 1 of hoger zijn"),
        (
            "oppervlakte IS NOT NULL AND TRY_CAST(oppervlakte AS INTEGER) IS NULL",
            "oppervlakte is geen getal",
        ),
        ("TRY_CAST(oppervlakte AS INTEGER) <= 0", "oppervlakte moet groter dan 0 zijn"),
        ("TRY_CAST(bouwjaar AS INTEGER) > year(current_date)", "bouwjaar ligt in de toekomst"),
    ]
    bad = set()
    for condition, reason in checks:
        for (line,) in con.execute(f"SELECT line FROM stage_csv WHERE {condition}").fetchall():
            if line not in bad:  # one reason per line: the first that applies
                report.reject(f"regel {line}", reason)
                bad.add(line)
    bad = sorted(bad)
    con.execute("DELETE FROM stage_csv WHERE list_contains(?, line)", [bad])
    duplicates = con.execute(
        "SELECT line, nummeraanduiding_id FROM (SELECT line, nummeraanduiding_id, row_number() "
        "OVER (PARTITION BY nummeraanduiding_id ORDER BY line) AS n FROM stage_csv) WHERE n > 1"
    ).fetchall()
    for line, num in duplicates:
        report.reject(f"regel {line}", f"nummeraanduiding {num} komt al eerder voor")
    con.execute("DELETE FROM stage_csv WHERE list_contains(?, line)", [[d[0] for d in duplicates]])
    progress(report.read, CHECKED)


def _swap(con, fmt: str) -> int:
    db.recreate(con, "bag_address")
    if fmt == "csv":
        con.execute(
            "INSERT INTO bag_address SELECT nummeraanduiding_id, verblijfsobject_id, postcode, "
            "CAST(huisnummer AS INTEGER), huisletter, toevoeging, straat, woonplaats, "
            "TRY_CAST(oppervlakte AS INTEGER), gebruiksdoel, TRY_CAST(bouwjaar AS INTEGER) "
            "FROM stage_csv ORDER BY nummeraanduiding_id"
        )
    else:
        con.execute(BUILD_ADDRESSES)
    return con.execute("SELECT count(*) FROM bag_address").fetchone()[0]


def _no_progress(count: int, share: float) -> None:
    """The default for callers that show no progress (tests, the demo, closures)."""


def _run_import(*, source: str, path: Path, actor, work, run=None, progress) -> ImportRun:
    """Run ``work(con, report)`` (stage, check, swap; returns rows loaded) in one DuckDB
    transaction, record the run with its report; the same file as the last successful
    import of ``source`` changes nothing. ``run`` is the queued run of an import started
    from the web page."""
    liveness.reap()
    digest = file_hash(path)
    if run is None:
        run = ImportRun.objects.create(source=source, file_name=path.name, started_by=actor)
    run.source, run.content_hash, run.status = source, digest, ImportRun.Status.RUNNING
    run.worker, run.heartbeat_at = liveness.worker_id(), timezone.now()
    run.save(update_fields=["source", "content_hash", "status", "worker", "heartbeat_at"])
    last = (
        ImportRun.objects.filter(source=source, status=ImportRun.Status.LOADED)
        .exclude(pk=run.pk)
        .order_by("-id")
        .first()
    )
    report = Report()
    if last and last.content_hash == digest:
        run.status = ImportRun.Status.UNCHANGED
        report.read, report.loaded = last.rows_read, last.rows_loaded
        report.historic = last.rows_historic
    else:
        try:
            with liveness.heartbeat(ImportRun, run.pk), db.connect() as con:
                con.execute("BEGIN TRANSACTION")
                try:
                    report.loaded = work(con, report)
                    if not report.loaded:
                        # A partial or empty delivery must not empty the tables.
                        raise ValueError(
                            "de levering bevat niets om in te lezen; niets is gewijzigd"
                        )
                    progress(report.read, SWAPPED)
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
            run.status = ImportRun.Status.LOADED
        except Exception as exc:  # noqa: BLE001 - reported to the user, the warehouse is unchanged
            run.status, run.error = ImportRun.Status.FAILED, f"{type(exc).__name__}: {exc}"[:2000]
    _finish(run, report, actor)
    progress(report.read, 1.0)
    return run


def import_bag(
    *, path, fmt: str = "xml", actor=None, progress: Progress = _no_progress, run=None
) -> ImportRun:
    """Import a BAG extract (LV XML, folder or nested zips; or the flat CSV) into the
    warehouse's ``bag_address``; returns the run with its report."""
    path = Path(path)

    def work(con, report):
        for kind, columns in STAGING.items():
            con.execute(f"CREATE TEMP TABLE stage_{kind} ({columns})")
        if fmt == "csv":
            _stage_csv(con, path, report, progress)
        else:
            _stage_xml(con, path, report, progress)
        return _swap(con, fmt)

    return _run_import(
        source=f"bag-{fmt}", path=path, actor=actor, work=work, run=run, progress=progress
    )


PERSON_COLUMNS = (
    "bsn_hash VARCHAR, surname VARCHAR, prefix VARCHAR, given_names VARCHAR, "
    "birth_date DATE, gender VARCHAR"
)
RESIDENCE_COLUMNS = (
    "bsn_hash VARCHAR, address_object_id VARCHAR, nummeraanduiding_id VARCHAR, "
    "street VARCHAR, house_number INTEGER, postcode VARCHAR, date_from DATE, date_until DATE"
)


def _brp_row(number, bsn, person, residence, report: Report, where: str) -> tuple:
    """The staging rows of one item: (person or None, residence or None)."""
    report.read += 1
    if bsn is None:
        # Never the number itself in a report: only where it was.
        report.reject(f"{where} {number}", "BSN ontbreekt of voldoet niet aan de 11-proef")
        return None, None
    if not (person or residence):
        report.historic += 1  # an occupancy abroad or without address
    return ((bsn, *person) if person else None), ((bsn, *residence) if residence else None)


def _stage_brp(con, rows, report: Report, progress, where: str, done) -> None:
    stage = _CsvStage(con, {"stage_person": PERSON_COLUMNS, "stage_residence": RESIDENCE_COLUMNS})
    for number, bsn, person, residence in rows:
        person_row, place_row = _brp_row(number, bsn, person, residence, report, where)
        if person_row:
            stage.add("stage_person", person_row)
        if place_row:
            stage.add("stage_residence", place_row)
        if report.read % BATCH == 0:
            progress(report.read, done() * READ)
    stage.load()
    progress(report.read, CHECKED)


def _stage_brp_csv(con, path: Path, report: Report, progress) -> None:
    """The flat CSV, read by DuckDB in bulk (national extracts run to millions of lines)."""
    check_csv_header(path, brp.CSV_COLUMNS)
    con.execute("CREATE TEMP TABLE stage_brp_csv AS " + brp.csv_select(), brp.csv_params(path))
    report.read = con.execute("SELECT count(*) FROM stage_brp_csv").fetchone()[0]
    progress(report.read, READ)
    if con.execute("SELECT count(*) FROM stage_brp_csv WHERE bsn_hash IS NULL").fetchone()[0]:
        params = {"path": str(path)}
        for (line,) in con.execute(brp.csv_invalid_lines(), params).fetchall():
            # Never the number itself in a report: only where it was.
            report.reject(f"regel {line}", "BSN ontbreekt of voldoet niet aan de 11-proef")
    con.execute(
        "INSERT INTO stage_person SELECT bsn_hash, surname, prefix, given_names, birth_date, "
        "gender FROM stage_brp_csv WHERE bsn_hash IS NOT NULL"
    )
    con.execute(
        "INSERT INTO stage_residence SELECT bsn_hash, address_object_id, nummeraanduiding_id, "
        "street, house_number, postcode, date_from, date_until FROM stage_brp_csv "
        "WHERE bsn_hash IS NOT NULL"
    )
    progress(report.read, CHECKED)


def import_brp(
    *, path, fmt: str = "json", actor=None, progress: Progress = _no_progress, run=None
) -> ImportRun:
    """Import BRP persons and/or address occupancy (Haal Centraal JSON: personen or
    bewoning; or the flat CSV). Persons replace the persons; occupancies replace those of
    the same source file kind."""
    path = Path(path)

    def work(con, report):
        con.execute(f"CREATE TEMP TABLE stage_person ({PERSON_COLUMNS})")
        con.execute(f"CREATE TEMP TABLE stage_residence ({RESIDENCE_COLUMNS})")
        if fmt == "csv":
            _stage_brp_csv(con, path, report, progress)
        else:
            with MeteredFile(path) as file:
                rows = brp.json_rows(file.stream)
                _stage_brp(con, rows, report, progress, "item", file.done)
        persons = con.execute("SELECT EXISTS (SELECT 1 FROM stage_person)").fetchone()[0]
        kind = "csv" if fmt == "csv" else ("personen" if persons else "bewoning")
        if persons:
            db.recreate(con, "brp_person")
            con.execute(
                # one row per person (a file may repeat them, one line per occupancy): a
                # hash aggregate in parallel, not a sort of millions of hashes
                "INSERT INTO brp_person SELECT bsn_hash, p.surname, p.prefix, p.given_names, "
                "p.birth_date, p.gender FROM (SELECT bsn_hash, any_value({'surname': surname, "
                "'prefix': prefix, 'given_names': given_names, 'birth_date': birth_date, "
                "'gender': gender}) AS p FROM stage_person GROUP BY bsn_hash)"
            )
        con.execute("DELETE FROM brp_residence WHERE source = ?", [kind])
        con.execute("INSERT INTO brp_residence SELECT ?, * FROM stage_residence", [kind])
        db.count_occupancy(con)
        # Loaded: the items of the delivery that were kept (each gives a person, an
        # occupancy or both), so read = loaded + rejected whatever the file's shape.
        return report.read - len(report.rejections)

    return _run_import(
        source=f"brp-{fmt}", path=path, actor=actor, work=work, run=run, progress=progress
    )


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


def alert_dismiss(*, actor, alert, reason: str):
    if len(reason.strip()) < 5:
        raise ValidationError({"reason": _("Say why this alert needs no follow-up.")})
    with transaction.atomic():
        Alert.objects.filter(pk=alert.pk).update(
            status=Alert.Status.DISMISSED,
            dismiss_reason=reason.strip()[:500],
            reviewed_by=actor,
            reviewed_at=timezone.now(),
        )
        audit_record(
            actor=actor, action=AuditAction.ALERT_DISMISSED, obj=alert, purpose=reason.strip()
        )


def alert_to_signal(*, actor, alert, subjects=()):
    """Turn an alert into a signal (channel: information warehouse) in the normal flow, with
    the subjects the hit is about linked: an address as the location, the rest as involved."""
    facts = alert.facts
    place = " ".join(
        str(facts.get(k) or "")
        for k in ("street", "house_number", "house_letter", "postcode", "place")
    ).strip()
    with transaction.atomic():
        signal = signal_create(
            actor=actor,
            channel=Channel.WAREHOUSE,
            description=(
                f"{alert.explanation}. (Attendering {alert.rule}, versie {alert.rule_version})"
            ),
            location_text=place[:255],
        )
        located = False
        for subject in subjects:
            role = SubjectRole.INVOLVED
            if subject.kind == "address" and not located:
                role, located = SubjectRole.LOCATION, True
            signal_link_subject(actor=actor, signal=signal, subject=subject, role=role)
        Alert.objects.filter(pk=alert.pk).update(
            status=Alert.Status.SIGNAL,
            signal_uuid=signal.uuid,
            reviewed_by=actor,
            reviewed_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action=AuditAction.ALERT_TO_SIGNAL,
            obj=alert,
            new={"signal": str(signal.uuid)},
        )
    signal.refresh_from_db()
    return signal


SBI_DIR = Path(__file__).resolve().parent / "data" / "sbi2008"
KVK_COLUMNS = [
    "kvk_nummer",
    "vestigingsnummer",
    "naam",
    "sbi_codes",
    "oprichtingsdatum",
    "postcode",
    "huisnummer",
    "huisletter",
    "toevoeging",
    "straat",
    "plaats",
]


def _load_sbi(con) -> None:
    """The SBI 2008 list, read at run time from the unmodified files."""
    con.execute("DELETE FROM sbi_code")
    con.execute(
        "INSERT INTO sbi_code SELECT pk, fields.title, fields.root_node "
        "FROM read_json(?, format='array')",
        [str(SBI_DIR / "sbi_code.json")],
    )


def _stage_kvk(con, path: Path, report: Report, progress) -> None:
    check_csv_header(path, KVK_COLUMNS)
    columns = ", ".join(f"'{c}': 'VARCHAR'" for c in KVK_COLUMNS)
    con.execute(
        "CREATE TEMP TABLE stage_kvk AS SELECT row_number() OVER () + 1 AS line, * FROM "
        f"read_csv(?, delim=';', header=true, columns={{{columns}}})",
        [str(path)],
    )
    report.read = con.execute("SELECT count(*) FROM stage_kvk").fetchone()[0]
    progress(report.read, READ)
    checks = [
        (
            "NOT regexp_full_match(coalesce(kvk_nummer, ''), '[0-9]{8}')",
            "KvK-nummer is geen 8 cijfers",
        ),
        (
            "NOT regexp_full_match(coalesce(vestigingsnummer, ''), '[0-9]{12}')",
            "vestigingsnummer is geen 12 cijfers",
        ),
        (
            "oprichtingsdatum IS NOT NULL AND TRY_CAST(oprichtingsdatum AS DATE) IS NULL",
            "oprichtingsdatum is geen datum",
        ),
        (
            "TRY_CAST(oprichtingsdatum AS DATE) > current_date",
            "oprichtingsdatum ligt in de toekomst",
        ),
        ("TRY_CAST(huisnummer AS INTEGER) < 1", "huisnummer moet 1 of hoger zijn"),
        (
            "postcode IS NOT NULL AND NOT regexp_full_match(postcode, '[0-9]{4}[A-Z]{2}')",
            "ongeldige postcode",
        ),
        (
            # a code that is not in the SBI list (lambdas cannot hold a subquery: a join)
            "line IN (SELECT k.line FROM (SELECT line, trim(unnest(string_split("
            "coalesce(sbi_codes, ''), ','))) AS code FROM stage_kvk) k LEFT JOIN sbi_code s "
            "ON s.code = k.code WHERE k.code <> '' AND s.code IS NULL)",
            "onbekende SBI-code",
        ),
    ]
    bad = set()
    for condition, reason in checks:
        for (line,) in con.execute(f"SELECT line FROM stage_kvk WHERE {condition}").fetchall():
            if line not in bad:
                report.reject(f"regel {line}", reason)
                bad.add(line)
    duplicates = con.execute(
        "SELECT line, vestigingsnummer FROM (SELECT line, vestigingsnummer, row_number() OVER "
        "(PARTITION BY vestigingsnummer ORDER BY line) AS n FROM stage_kvk) WHERE n > 1"
    ).fetchall()
    for line, number in duplicates:
        if line not in bad:
            report.reject(f"regel {line}", f"vestiging {number} komt al eerder voor")
            bad.add(line)
    con.execute("DELETE FROM stage_kvk WHERE list_contains(?, line)", [sorted(bad)])
    progress(report.read, CHECKED)


def import_kvk(
    *, path, fmt: str = "csv", actor=None, progress: Progress = _no_progress, run=None
) -> ImportRun:
    """Import KvK establishments (CSV of docs/warehouse.md); SBI codes are checked against
    the SBI 2008 list."""
    path = Path(path)

    def work(con, report):
        _load_sbi(con)
        _stage_kvk(con, path, report, progress)
        db.recreate(con, "kvk_business")
        con.execute(
            "INSERT INTO kvk_business SELECT vestigingsnummer, kvk_nummer, naam, "
            "list_transform(list_filter(string_split(coalesce(sbi_codes, ''), ','), "
            "c -> trim(c) <> ''), c -> trim(c)), TRY_CAST(oprichtingsdatum AS DATE), postcode, "
            "TRY_CAST(huisnummer AS INTEGER), huisletter, toevoeging, straat, plaats "
            "FROM stage_kvk ORDER BY vestigingsnummer"
        )
        return con.execute("SELECT count(*) FROM kvk_business").fetchone()[0]

    return _run_import(
        source="kvk-csv", path=path, actor=actor, work=work, run=run, progress=progress
    )


def import_permits(
    *, path, fmt: str = "csv", actor=None, progress: Progress = _no_progress, run=None
) -> ImportRun:
    """Import the permits of the municipality's permit system (CSV of docs/warehouse.md)."""
    path = Path(path)

    def work(con, report):
        check_csv_header(path, permits.COLUMNS)
        stage = _CsvStage(con, {"stage_permit": permits.STAGE})
        con.execute(f"CREATE TEMP TABLE stage_permit ({permits.STAGE})")
        with MeteredFile(path) as file:
            for line, problem, row in permits.rows(file.stream, timezone.localdate()):
                report.read += 1
                if problem:
                    report.reject(f"regel {line}", problem)
                else:
                    stage.add("stage_permit", row)
                if report.read % BATCH == 0:
                    progress(report.read, file.done() * READ)
        stage.load()
        progress(report.read, CHECKED)
        con.execute("DELETE FROM permit")
        con.execute("INSERT INTO permit SELECT * FROM stage_permit ORDER BY permit_number")
        return con.execute("SELECT count(*) FROM permit").fetchone()[0]

    return _run_import(
        source="permits-csv", path=path, actor=actor, work=work, run=run, progress=progress
    )


def _closure_rows():
    for i in closures_for_warehouse():
        links = list(i.case.subject_links.all())
        address = next((link.subject for link in links if link.subject.kind == "address"), None)
        label = address.label if address else i.case.title
        place = address.address if address else None
        where = (
            (place.bag_verblijfsobject_id, place.postcode, place.house_number)
            if place
            else ("", "", "")
        )
        people = [link.subject.person.bsn_hash for link in links if link.subject.kind == "person"]
        firms = [
            link.subject.organisation.kvk_number
            for link in links
            if link.subject.kind == "organisation"
        ]
        for bsn, kvk in [(b, "") for b in people if b] + [("", k) for k in firms if k] or [
            ("", "")
        ]:
            yield (i.instrument.name, i.decision_on, label, *where, bsn, kvk)


def import_closures(*, actor=None) -> ImportRun:
    """Copy the municipality's own closures and warnings, with the persons and organisations
    of their cases, from the case system into the warehouse."""
    rows = list(_closure_rows())
    path = Path(tempfile.mkdtemp()) / "closures"
    path.write_text("\n".join(repr(r) for r in rows))  # what was copied, for the hash

    def work(con, report):
        report.read = len(rows)
        con.execute("DROP TABLE IF EXISTS closure")
        con.execute(db.CLOSURE)
        if rows:
            columns = db.CLOSURE.split("(", 1)[1].rsplit(")", 1)[0]
            stage = _CsvStage(con, {"closure": " ".join(columns.split())})
            for row in rows:
                stage.add("closure", row)
            stage.load()
        return max(len(rows), 1)  # no closures is a valid state, not an empty delivery

    try:
        return _run_import(
            source="closures", path=path, actor=actor, work=work, progress=_no_progress
        )
    finally:
        path.unlink(missing_ok=True)
        path.parent.rmdir()


# What a web page may start: (label, source, format, file name endings).
KINDS = {
    "bag-xml": (gettext_lazy("BAG: LV XML (.xml or .zip)"), "bag", "xml", (".xml", ".zip")),
    "bag-csv": (gettext_lazy("BAG: flat CSV"), "bag", "csv", (".csv",)),
    "brp-json": (gettext_lazy("BRP: Haal Centraal JSON"), "brp", "json", (".json",)),
    "brp-csv": (gettext_lazy("BRP: flat CSV"), "brp", "csv", (".csv",)),
    "kvk-csv": (gettext_lazy("KvK establishments: CSV"), "kvk", "csv", (".csv",)),
    "permits-csv": (gettext_lazy("Permits: CSV"), "permits", "csv", (".csv",)),
}
IMPORTERS = {"bag": import_bag, "brp": import_brp, "kvk": import_kvk, "permits": import_permits}
UPLOADS = "warehouse-imports"


def import_queue(*, actor, kind: str, upload) -> ImportRun:
    """Keep an uploaded extract in the private import folder and queue its import; the
    caller hands the run to the background worker (``warehouse.tasks.run_import``)."""
    _label, _source, _fmt, endings = KINDS[kind]
    suffix = Path(upload.name).suffix.lower()
    if suffix not in endings:
        raise ValidationError(
            {
                "upload": _("This kind of import needs a file ending in %(endings)s.")
                % {"endings": ", ".join(endings)}
            }
        )
    with transaction.atomic():
        run = ImportRun.objects.create(
            source=kind,
            file_name=Path(upload.name).name[:255],
            status=ImportRun.Status.QUEUED,
            started_by=actor,
        )
        target = files.path_for(UPLOADS, run.uuid).with_suffix(suffix)
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        audit_record(
            actor=actor, action=AuditAction.WAREHOUSE_IMPORT, obj=run, new={"queued": kind}
        )
    return run


def import_queued(*, run: ImportRun, progress: Progress = _no_progress) -> ImportRun:
    """Run a queued import (in the background worker) and remove the uploaded file."""
    _label, source, fmt, endings = KINDS[run.source]
    path = next(
        (
            p
            for p in (files.path_for(UPLOADS, run.uuid).with_suffix(e) for e in endings)
            if p.exists()
        ),
        None,
    )
    if path is None:
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.FAILED, error="het bestand van deze import is er niet meer"
        )
        return run
    try:
        return IMPORTERS[source](
            path=path, fmt=fmt, actor=run.started_by, run=run, progress=progress
        )
    finally:
        path.unlink(missing_ok=True)


def link_decide(*, actor, link, same: bool) -> None:
    """The analyst's judgement of a pair: the same person (the link counts from now on) or
    not (the pair is never proposed again)."""
    status = RegistryLink.Status.CONFIRMED if same else RegistryLink.Status.REJECTED
    with transaction.atomic():
        RegistryLink.objects.filter(pk=link.pk).update(
            status=status, decided_by=actor, decided_at=timezone.now()
        )
        audit_record(
            actor=actor,
            action=AuditAction.REGISTRY_LINK_DECIDED,
            obj=link,
            subject_ref=link.subject.uuid,
            new={"status": status, "probability": link.match_probability},
        )


def scan_queue(*, actor, work: str = ScanRun.Work.RULES) -> ScanRun:
    """Queue a run of all rules (``warehouse.tasks.run_scan``) or of the record linkage
    (``run_linkage``) for the background worker; a run of the same work already waiting or
    running is not queued twice."""
    liveness.reap()
    busy = ScanRun.objects.filter(
        work=work,
        status__in=[ScanRun.Status.QUEUED, ScanRun.Status.RUNNING],
        started_at__gte=timezone.now() - timedelta(hours=2),  # not one lost from the queue
    )
    return busy.first() or ScanRun.objects.create(
        work=work, status=ScanRun.Status.QUEUED, started_by=actor
    )
