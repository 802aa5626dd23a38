"""KvK establishments, as the CSV of docs/warehouse.md; SBI codes are checked against the
SBI 2008 list, read at run time from its unmodified files."""

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.warehouse import db
from weerbaar.warehouse.progress import CHECKED, READ
from weerbaar.warehouse.sources.base import (
    Report,
    Source,
    check_csv_header,
    line,
    reject_by_checks,
)
from weerbaar.warehouse.sources.registry import register

SBI_DIR = Path(__file__).resolve().parent.parent / "data" / "sbi2008"
COLUMNS = [
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
# The checks of a line, in order: the first that applies is the line's reason.
CHECKS = [
    (
        "NOT regexp_full_match(coalesce(kvk_nummer, ''), '[0-9]{8}')",
        gettext_lazy("KvK number is not 8 digits"),
    ),
    (
        "NOT regexp_full_match(coalesce(vestigingsnummer, ''), '[0-9]{12}')",
        gettext_lazy("establishment number is not 12 digits"),
    ),
    (
        "oprichtingsdatum IS NOT NULL AND TRY_CAST(oprichtingsdatum AS DATE) IS NULL",
        gettext_lazy("date of foundation is not a date"),
    ),
    (
        "TRY_CAST(oprichtingsdatum AS DATE) > current_date",
        gettext_lazy("date of foundation lies in the future"),
    ),
    ("TRY_CAST(huisnummer AS INTEGER) < 1", gettext_lazy("house number must be 1 or higher")),
    (
        "postcode IS NOT NULL AND NOT regexp_full_match(postcode, '[0-9]{4}[A-Z]{2}')",
        gettext_lazy("invalid postcode"),
    ),
    (
        # a code that is not in the SBI list (lambdas cannot hold a subquery: a join)
        "line IN (SELECT k.line FROM (SELECT line, trim(unnest(string_split("
        "coalesce(sbi_codes, ''), ','))) AS code FROM stage_kvk) k LEFT JOIN sbi_code s "
        "ON s.code = k.code WHERE k.code <> '' AND s.code IS NULL)",
        gettext_lazy("unknown SBI code"),
    ),
]


def _load_sbi(con) -> None:
    con.execute("DELETE FROM sbi_code")
    con.execute(
        "INSERT INTO sbi_code SELECT pk, fields.title, fields.root_node "
        "FROM read_json(?, format='array')",
        [str(SBI_DIR / "sbi_code.json")],
    )


@register("kvk-csv")
class KvkCsv(Source):
    label = gettext_lazy("KvK establishments: CSV")
    endings = (".csv",)

    def stage(self, con, path: Path, report: Report, progress) -> None:
        _load_sbi(con)
        check_csv_header(path, COLUMNS)
        columns = ", ".join(f"'{c}': 'VARCHAR'" for c in COLUMNS)
        con.execute(
            "CREATE TEMP TABLE stage_kvk AS SELECT row_number() OVER () + 1 AS line, * FROM "
            f"read_csv(?, delim=';', header=true, columns={{{columns}}})",
            [str(path)],
        )
        report.read = con.execute("SELECT count(*) FROM stage_kvk").fetchone()[0]
        progress(report.read, READ)
        bad = reject_by_checks(con, "stage_kvk", CHECKS, report)
        duplicates = con.execute(
            "SELECT line, vestigingsnummer FROM (SELECT line, vestigingsnummer, row_number() "
            "OVER (PARTITION BY vestigingsnummer ORDER BY line) AS n FROM stage_kvk) WHERE n > 1"
        ).fetchall()
        for number, establishment in duplicates:
            if number not in bad:
                report.reject(
                    line(number),
                    _("establishment %(number)s occurs earlier") % {"number": establishment},
                )
                bad.add(number)
        con.execute("DELETE FROM stage_kvk WHERE list_contains(?, line)", [sorted(bad)])
        progress(report.read, CHECKED)

    def swap(self, con, report: Report) -> int:
        db.recreate(con, "kvk_business")
        con.execute(
            "INSERT INTO kvk_business SELECT vestigingsnummer, kvk_nummer, naam, "
            "list_transform(list_filter(string_split(coalesce(sbi_codes, ''), ','), "
            "c -> trim(c) <> ''), c -> trim(c)), TRY_CAST(oprichtingsdatum AS DATE), postcode, "
            "TRY_CAST(huisnummer AS INTEGER), huisletter, toevoeging, straat, plaats "
            "FROM stage_kvk ORDER BY vestigingsnummer"
        )
        return con.execute("SELECT count(*) FROM kvk_business").fetchone()[0]
