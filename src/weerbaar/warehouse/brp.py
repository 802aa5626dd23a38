"""BRP extracts: persons and address occupancy in the Haal Centraal BRP JSON shape (read as
a stream with ijson), or the flat CSV of docs/warehouse.md. The BSN is replaced by its keyed
hash on reading; it is never written anywhere, not even in a rejection."""

import csv
import io
from collections.abc import Iterator
from datetime import date

import ijson
from django.core.exceptions import ValidationError

from weerbaar.core.bsn import bsn_hash


def gba_date(value: str | None) -> date | None:
    """A GBA date (YYYYMMDD); an unknown month or day (00) counts as the first."""
    if not value or not value.isdigit() or len(value) != 8 or value == "00000000":
        return None
    year, month, day = int(value[:4]), int(value[4:6]) or 1, int(value[6:]) or 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def hashed(bsn: str) -> str | None:
    try:
        return bsn_hash(bsn or "")
    except ValidationError:
        return None


def _person(item: dict) -> tuple:
    naam = item.get("naam") or {}
    return (
        naam.get("geslachtsnaam", ""),
        naam.get("voorvoegsel", ""),
        (naam.get("voornamen") or "").strip(),
        gba_date((item.get("geboorte") or {}).get("datum")),
        (item.get("geslacht") or {}).get("code", ""),
    )


def _residence(place: dict) -> tuple | None:
    if not place or "straat" not in place and "adresseerbaarObjectIdentificatie" not in place:
        return None  # abroad (regel1/land) or no address: not a residence in the municipality
    number = place.get("huisnummer")
    return (
        place.get("adresseerbaarObjectIdentificatie"),
        place.get("nummeraanduidingIdentificatie"),
        place.get("straat"),
        int(number) if str(number or "").isdigit() else None,
        place.get("postcode"),
        gba_date(place.get("datumAanvangAdreshouding")),
        gba_date(place.get("datumEindeAdreshouding")),
    )


def json_rows(stream) -> Iterator[tuple[int, str | None, tuple | None, tuple | None]]:
    """(number, bsn hash, person or None, residence or None) per item of either file (a
    binary stream): a personen item carries a name, a bewoning row only an occupancy."""
    for number, item in enumerate(ijson.items(stream, "item"), start=1):
        person = _person(item) if "naam" in item else None
        yield (
            number,
            hashed(item.get("burgerservicenummer")),
            person,
            _residence(item.get("verblijfplaats") or {}),
        )


CSV_COLUMNS = [
    "bsn",
    "geslachtsnaam",
    "voorvoegsel",
    "voornamen",
    "geboortedatum",
    "geslacht",
    "adresseerbaar_object_id",
    "nummeraanduiding_id",
    "straat",
    "huisnummer",
    "postcode",
    "datum_aanvang",
    "datum_einde",
]


def csv_rows(stream) -> Iterator[tuple[int, str | None, tuple | None, tuple | None]]:
    """Rows of the flat CSV (a binary stream); the caller checked its header (encoding,
    delimiter, columns)."""
    with io.TextIOWrapper(stream, encoding="utf-8-sig", newline="") as text:
        reader = csv.DictReader(text, delimiter=";")
        for number, row in enumerate(reader, start=2):
            person = (
                row["geslachtsnaam"],
                row["voorvoegsel"],
                row["voornamen"],
                gba_date(row["geboortedatum"].replace("-", "")),
                row["geslacht"],
            )
            residence = _residence(
                {
                    "adresseerbaarObjectIdentificatie": row["adresseerbaar_object_id"] or None,
                    "nummeraanduidingIdentificatie": row["nummeraanduiding_id"] or None,
                    "straat": row["straat"],
                    "huisnummer": row["huisnummer"],
                    "postcode": row["postcode"] or None,
                    "datumAanvangAdreshouding": row["datum_aanvang"].replace("-", ""),
                    "datumEindeAdreshouding": row["datum_einde"].replace("-", ""),
                }
            )
            yield number, hashed(row["bsn"]), person, residence
