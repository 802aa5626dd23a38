"""Permits from the municipality's permit system, as the flat CSV of docs/warehouse.md.

The file is read in Python, line by line, because a holder may be a person whose BSN must
be hashed before anything is written; permits run in the thousands, not millions.
"""

import csv
from collections.abc import Iterator
from datetime import date

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from weerbaar.warehouse.brp import hashed

COLUMNS = [
    "vergunningnummer",
    "soort",
    "houder",
    "kvk_nummer",
    "bsn",
    "postcode",
    "huisnummer",
    "huisletter",
    "toevoeging",
    "straat",
    "plaats",
    "verleend_op",
    "geldig_tot",
]
STAGE = (
    "permit_number VARCHAR, permit_type VARCHAR, holder VARCHAR, kvk_number VARCHAR, "
    "bsn_hash VARCHAR, postcode VARCHAR, house_number INTEGER, house_letter VARCHAR, "
    "addition VARCHAR, street VARCHAR, place VARCHAR, granted_on DATE, valid_until DATE"
)


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _valid_postcode(value: str) -> bool:
    postcode = value.replace(" ", "").upper()
    return not postcode or (
        len(postcode) == 6 and postcode[:4].isdigit() and postcode[4:].isalpha()
    )


# Checks of one line, in order: the first that fails is the reason in the report.
CHECKS = [
    (lambda r: bool(r["soort"]), _("permit type missing")),
    (lambda r: bool(r["houder"] or r["kvk_nummer"] or r["bsn"]), _("holder missing")),
    (
        lambda r: not r["kvk_nummer"] or (r["kvk_nummer"].isdigit() and len(r["kvk_nummer"]) == 8),
        _("KvK number is not 8 digits"),
    ),
    (lambda r: not r["bsn"] or hashed(r["bsn"]) is not None, _("BSN fails the 11-proef")),
    (lambda r: _valid_postcode(r["postcode"]), _("invalid postcode")),
    (
        lambda r: r["huisnummer"].isdigit() and int(r["huisnummer"]) >= 1,
        _("house number must be a number of 1 or higher"),
    ),
]


def _date_problem(row: dict, today: date) -> str | None:
    try:
        granted, until = _date(row["verleend_op"]), _date(row["geldig_tot"])
    except ValueError:
        return gettext("date is not a valid date (YYYY-MM-DD)")
    if granted is None:
        return gettext("date granted missing")
    if granted > today:
        return gettext("date granted lies in the future")
    if until and until < granted:
        return gettext("valid until lies before the date granted")
    return None


def _problem(row: dict, seen: set, today: date) -> str | None:
    """What is wrong with one line, in the words of the report; None when it is fine."""
    number = row["vergunningnummer"]
    if not number:
        return gettext("no permit number")
    if number in seen:
        return gettext("permit %(number)s occurs earlier") % {"number": number}
    failed = next((reason for check, reason in CHECKS if not check(row)), None)
    return str(failed) if failed else _date_problem(row, today)


def _lines(stream) -> Iterator[str]:
    """The file's lines, decoded one by one, so an encoding error names its own line."""
    for number, raw in enumerate(stream, start=1):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise ValueError(
                gettext("line %(number)s: the file is not in UTF-8") % {"number": number}
            ) from None


def _records(stream) -> Iterator[tuple[int, dict]]:
    reader = csv.DictReader(_lines(stream), delimiter=";")
    for row in reader:
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def rows(stream, today: date) -> Iterator[tuple[int, str | None, tuple | None]]:
    """(line, problem, staging row) per line of the file (a binary stream); the caller
    checked the header."""
    seen: set[str] = set()
    for line, row in _records(stream):
        problem = _problem(row, seen, today)
        if problem:
            yield line, problem, None
            continue
        seen.add(row["vergunningnummer"])
        yield (
            line,
            None,
            (
                row["vergunningnummer"],
                row["soort"],
                row["houder"],
                row["kvk_nummer"] or None,
                hashed(row["bsn"]) if row["bsn"] else None,
                row["postcode"].replace(" ", "").upper() or None,
                int(row["huisnummer"]),
                row["huisletter"] or None,
                row["toevoeging"] or None,
                row["straat"],
                row["plaats"],
                row["verleend_op"],
                row["geldig_tot"] or None,
            ),
        )
