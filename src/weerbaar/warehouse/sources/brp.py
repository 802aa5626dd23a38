"""The BRP: persons and address occupancy as Haal Centraal JSON (personen or bewoning,
read as a stream by ``warehouse.brp``) or the flat CSV of docs/warehouse.md (read by DuckDB
in bulk). Persons replace the persons; occupancies replace those of the same file kind. A
line without a valid BSN, or with a date no registration can have, is rejected."""

from abc import abstractmethod
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.warehouse import brp, db
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

PERSON_COLUMNS = (
    "bsn_hash VARCHAR, surname VARCHAR, prefix VARCHAR, given_names VARCHAR, "
    "birth_date DATE, gender VARCHAR"
)
RESIDENCE_COLUMNS = (
    "bsn_hash VARCHAR, address_object_id VARCHAR, nummeraanduiding_id VARCHAR, "
    "street VARCHAR, house_number INTEGER, postcode VARCHAR, date_from DATE, date_until DATE"
)
# Never the number itself in a report: only where it was.
NO_BSN = gettext_lazy("BSN missing or fails the 11-proef")
DATE_PROBLEMS = {
    "birth_date:future": gettext_lazy("date of birth lies in the future"),
    "birth_date:past": gettext_lazy("date of birth lies before 1850"),
    "date_from:future": gettext_lazy("start of the residence lies in the future"),
    "date_from:past": gettext_lazy("start of the residence lies before 1850"),
    "date_until:future": gettext_lazy("end of the residence lies in the future"),
    "date_until:past": gettext_lazy("end of the residence lies before 1850"),
}


def _dates(person, residence) -> dict:
    return {
        "birth_date": person[3] if person else None,
        "date_from": residence[5] if residence else None,
        "date_until": residence[6] if residence else None,
    }


def _item(number, bsn, person, residence, report: Report, today) -> tuple:
    """The staging rows of one JSON item: (person or None, residence or None)."""
    report.read += 1
    where = _("item %(number)s") % {"number": number}
    if bsn is None:
        report.reject(where, NO_BSN)
        return None, None
    problem = brp.date_problem(_dates(person, residence), today)
    if problem:
        report.reject(where, DATE_PROBLEMS[problem])
        return None, None
    if not (person or residence):
        report.historic += 1  # an occupancy abroad or without address
    return ((bsn, *person) if person else None), ((bsn, *residence) if residence else None)


class _Brp(Source):
    """Both BRP deliveries: staged into persons and residences, swapped the same way."""

    def _create_staging(self, con) -> None:
        con.execute(f"CREATE TEMP TABLE stage_person ({PERSON_COLUMNS})")
        con.execute(f"CREATE TEMP TABLE stage_residence ({RESIDENCE_COLUMNS})")

    @abstractmethod
    def residences_of(self, persons: bool) -> str:
        """Which occupancies the delivery replaces (``brp_residence.source``)."""

    def swap(self, con, report: Report) -> int:
        persons = con.execute("SELECT EXISTS (SELECT 1 FROM stage_person)").fetchone()[0]
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
        kind = self.residences_of(persons)
        con.execute("DELETE FROM brp_residence WHERE source = ?", [kind])
        con.execute("INSERT INTO brp_residence SELECT ?, * FROM stage_residence", [kind])
        db.count_occupancy(con)
        # Loaded: the items of the delivery that were kept (each gives a person, an
        # occupancy or both), so read = loaded + rejected whatever the file's shape.
        return report.read - len(report.rejections)


@register("brp-json")
class BrpJson(_Brp):
    label = gettext_lazy("BRP: Haal Centraal JSON")
    endings = (".json",)

    def residences_of(self, persons: bool) -> str:
        return "personen" if persons else "bewoning"

    def stage(self, con, path: Path, report: Report, progress) -> None:
        self._create_staging(con)
        stage = CsvStage(
            con, {"stage_person": PERSON_COLUMNS, "stage_residence": RESIDENCE_COLUMNS}
        )
        today = timezone.localdate()
        with MeteredFile(path) as file:
            for number, bsn, person, residence in brp.json_rows(file.stream):
                person_row, place_row = _item(number, bsn, person, residence, report, today)
                if person_row:
                    stage.add("stage_person", person_row)
                if place_row:
                    stage.add("stage_residence", place_row)
                if report.read % BATCH == 0:
                    progress(report.read, file.done() * READ)
        stage.load()
        progress(report.read, CHECKED)


@register("brp-csv")
class BrpCsv(_Brp):
    label = gettext_lazy("BRP: flat CSV")
    endings = (".csv",)

    def residences_of(self, persons: bool) -> str:
        return "csv"

    def stage(self, con, path: Path, report: Report, progress) -> None:
        """Read by DuckDB in bulk (national extracts run to millions of lines)."""
        self._create_staging(con)
        check_csv_header(path, brp.CSV_COLUMNS)
        con.execute("CREATE TEMP TABLE stage_brp_csv AS " + brp.csv_select(), brp.csv_params(path))
        report.read = con.execute("SELECT count(*) FROM stage_brp_csv").fetchone()[0]
        progress(report.read, READ)
        if con.execute("SELECT count(*) FROM stage_brp_csv WHERE bsn_hash IS NULL").fetchone()[0]:
            for (number,) in con.execute(brp.csv_invalid_lines(), {"path": str(path)}).fetchall():
                report.reject(line(number), NO_BSN)
        self._reject_dates(con, path, report)
        con.execute(
            "INSERT INTO stage_person SELECT bsn_hash, surname, prefix, given_names, "
            "birth_date, gender FROM stage_brp_csv WHERE bsn_hash IS NOT NULL"
        )
        con.execute(
            "INSERT INTO stage_residence SELECT bsn_hash, address_object_id, "
            "nummeraanduiding_id, street, house_number, postcode, date_from, date_until "
            "FROM stage_brp_csv WHERE bsn_hash IS NOT NULL"
        )
        progress(report.read, CHECKED)

    def _reject_dates(self, con, path: Path, report: Report) -> None:
        bounds = {"today": timezone.localdate(), "earliest": brp.EARLIEST}
        impossible = f"bsn_hash IS NOT NULL AND ({brp.csv_impossible()})"
        found = f"SELECT count(*) FROM stage_brp_csv WHERE {impossible}"  # noqa: S608
        if not con.execute(found, bounds).fetchone()[0]:
            return  # the usual case: the file is not read a second time
        lines = con.execute(brp.csv_impossible_lines(), {"path": str(path), **bounds})
        for number, problem in lines.fetchall():
            report.reject(line(number), DATE_PROBLEMS[problem])
        con.execute(f"DELETE FROM stage_brp_csv WHERE {impossible}", bounds)  # noqa: S608
