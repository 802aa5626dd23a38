"""BRP extracts: persons and address occupancy in the Haal Centraal BRP JSON shape (read as
a stream with ijson), or the flat CSV of docs/warehouse.md. The BSN is replaced by its keyed
hash on reading; it is never written anywhere, not even in a rejection."""

from collections.abc import Iterator
from datetime import date

import ijson
from django.core.exceptions import ValidationError

from weerbaar.core.bsn import bsn_hash, hmac_pads


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


# The flat CSV read by DuckDB itself: the 11-proef and the dates in SQL, the keyed hash in a
# Python function; the clear number only flows through the statement and is never stored.
_DIGITS = "regexp_replace(coalesce(bsn, ''), '[\\s.\\-]', '', 'g')"
_NINE = (
    "CASE WHEN regexp_full_match(bsn, '[0-9]{9}') THEN bsn "  # the usual case, cheaply
    f"WHEN length({_DIGITS}) = 8 THEN '0' || {_DIGITS} ELSE {_DIGITS} END"
)
_WEIGHTED = " + ".join(
    f"{w} * (ascii(substr(n, {i}, 1)) - 48)"
    for i, w in enumerate((9, 8, 7, 6, 5, 4, 3, 2, -1), start=1)
)
_VALID = f"regexp_full_match(n, '[0-9]{{9}}') AND n <> '000000000' AND ({_WEIGHTED}) % 11 = 0"
# core.bsn.bsn_hash as SQL, the key's pads given as parameters.
_HMAC = "sha256($opad || unhex(sha256($ipad || encode(n))))"


def _gba_sql(column: str) -> str:
    """``gba_date`` in SQL: YYYY-MM-DD or YYYYMMDD, an unknown month or day as the first."""
    d = f"replace(coalesce({column}, ''), '-', '')"
    return (
        # the usual case, a valid YYYY-MM-DD, first: the rest is only evaluated when needed
        f"CASE WHEN regexp_full_match({column}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') "
        f"AND TRY_CAST({column} AS DATE) IS NOT NULL THEN TRY_CAST({column} AS DATE) "
        f"WHEN regexp_full_match({d}, '[0-9]{{8}}') AND {d} <> '00000000' THEN "
        f"TRY_CAST(substr({d}, 1, 4) || '-' || (CASE WHEN substr({d}, 5, 2) = '00' THEN '01' "
        f"ELSE substr({d}, 5, 2) END) || '-' || (CASE WHEN substr({d}, 7, 2) = '00' THEN '01' "
        f"ELSE substr({d}, 7, 2) END) AS DATE) END"
    )


def _read(columns: str) -> str:
    types = ", ".join(f"'{c}': 'VARCHAR'" for c in CSV_COLUMNS)
    source = f"read_csv($path, delim=';', header=true, quote='\"', columns={{{types}}})"
    return f"SELECT {columns} FROM {source}"  # noqa: S608 - constant SQL


def csv_select() -> str:
    """The statement reading the flat CSV into hashed rows (a number failing the 11-proef
    gives no hash); its parameters come from ``csv_params``."""
    return f"""
        SELECT CASE WHEN {_VALID} THEN {_HMAC} END AS bsn_hash,
            coalesce(geslachtsnaam, '') AS surname, coalesce(voorvoegsel, '') AS prefix,
            trim(coalesce(voornamen, '')) AS given_names,
            {_gba_sql("geboortedatum")} AS birth_date, coalesce(geslacht, '') AS gender,
            NULLIF(adresseerbaar_object_id, '') AS address_object_id,
            NULLIF(nummeraanduiding_id, '') AS nummeraanduiding_id,
            coalesce(straat, '') AS street,
            CASE WHEN regexp_full_match(coalesce(huisnummer, ''), '[0-9]+')
                 THEN TRY_CAST(huisnummer AS INTEGER) END AS house_number,
            NULLIF(postcode, '') AS postcode,
            {_gba_sql("datum_aanvang")} AS date_from, {_gba_sql("datum_einde")} AS date_until
        FROM ({_read(f"{_NINE} AS n, *")})
    """  # noqa: S608 - constant SQL


def csv_invalid_lines() -> str:
    """The line numbers of the numbers failing the 11-proef (read again, only when there
    are any: numbering lines costs a pass in one thread)."""
    return f"""
        SELECT line FROM ({_read(f"row_number() OVER () + 1 AS line, {_NINE} AS n")})
        WHERE NOT ({_VALID}) ORDER BY line
    """  # noqa: S608 - constant SQL


def csv_params(path) -> dict:
    ipad, opad = hmac_pads()
    return {"path": str(path), "ipad": ipad, "opad": opad}


# Dates no registration can have: a typing error (2062 for 2026) would otherwise move the
# windows the rules count in. The columns of the staged rows, and those of the flat CSV.
EARLIEST = date(1850, 1, 1)
DATE_COLUMNS = {
    "birth_date": "geboortedatum",
    "date_from": "datum_aanvang",
    "date_until": "datum_einde",
}


def date_problem(dates: dict, today: date) -> str | None:
    """``"<column>:future"`` or ``"<column>:past"`` for the first impossible date of
    ``dates`` (column -> date or None), None when every date can be."""
    for column in DATE_COLUMNS:
        day = dates.get(column)
        if day is not None and day > today:
            return f"{column}:future"
        if day is not None and day < EARLIEST:
            return f"{column}:past"
    return None


def csv_impossible() -> str:
    """The condition on the staged flat CSV (``csv_select``) of a row with an impossible
    date; its parameters are ``today`` and ``earliest``."""
    return " OR ".join(f"{c} > $today OR {c} < $earliest" for c in DATE_COLUMNS)


def csv_impossible_lines() -> str:
    """(line, problem as of ``date_problem``) of the rows with a valid BSN and an impossible
    date (read again, only when there are any); parameters ``path``, ``today``, ``earliest``."""
    dates = ", ".join(f"{_gba_sql(source)} AS {c}" for c, source in DATE_COLUMNS.items())
    whens = " ".join(
        f"WHEN {c} > $today THEN '{c}:future' WHEN {c} < $earliest THEN '{c}:past'"
        for c in DATE_COLUMNS
    )
    numbered = _read(f"row_number() OVER () + 1 AS line, {_NINE} AS n, {dates}")
    return f"""
        SELECT line, problem FROM (
            SELECT line, CASE {whens} END AS problem FROM ({numbered}) WHERE {_VALID}
        ) WHERE problem IS NOT NULL ORDER BY line
    """  # noqa: S608 - constant SQL
