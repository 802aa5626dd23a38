"""The warehouse's answer to a Bibob list screening (``screening.lists``): which lines of a
list are persons of the BRP extract or establishments of the KvK extract, and which permits
and closures the warehouse holds on them.

A line with a KvK number is that organisation; a line with a date of birth is a person, found
through the record linkage of ``warehouse.linkage`` (Splink) with the weights that say why;
a line with only a name is an organisation found by its name the same way. Everything runs
in an in-memory engine beside the warehouse file, attached read-only: the list writes
nothing into the warehouse and leaves no rows of its own there. What is found goes back to
the screening app, which keeps it in its compartment."""

from contextlib import closing
from pathlib import Path

import duckdb
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.core.normalize import parse_name
from weerbaar.screening.lists import Entry, Found
from weerbaar.warehouse import linkage
from weerbaar.warehouse.facts import weights_shown
from weerbaar.warehouse.link_registry import REGISTRY, _shown
from weerbaar.warehouse.link_stage import ACCEPT, REVIEW, stage_engine

# What the list is searched in: the table in the warehouse and its name on the page.
SOURCES = {
    "brp_person": gettext_lazy("the BRP extract"),
    "kvk_business": gettext_lazy("the KvK extract"),
    "permit": gettext_lazy("the permits"),
    "closure": gettext_lazy("the closures and warnings"),
}
PERSON = "CREATE TABLE list_raw (unique_id VARCHAR, surname VARCHAR, prefix VARCHAR, " \
    "given_names VARCHAR, birth_date DATE, postcode VARCHAR)"  # fmt: skip
ORGANISATION = "CREATE TABLE list_raw (unique_id VARCHAR, name VARCHAR, postcode VARCHAR, " \
    "house_number VARCHAR)"  # fmt: skip


def _filled(con) -> list[str]:
    present = {
        name
        for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'wh'"
        ).fetchall()
    }
    count = "SELECT count(*) FROM wh.{}"
    return [t for t in SOURCES if t in present and con.execute(count.format(t)).fetchone()[0]]


def _linked(con, kind: str, rows: list[tuple]) -> list[dict]:
    """Link ``rows`` (of ``list_raw``'s shape for ``kind``) to the registry of ``kind``:
    per pair the line, the registry key, the record as shown and the explanation."""
    con.execute("DROP TABLE IF EXISTS list_raw")
    con.execute("DROP TABLE IF EXISTS list_side")
    con.execute("DROP TABLE IF EXISTS registry_raw")
    con.execute("DROP TABLE IF EXISTS registry_side")
    con.execute("DROP TABLE IF EXISTS registry_a")
    con.execute("DROP TABLE IF EXISTS registry_b")
    con.execute(PERSON if kind == "person" else ORGANISATION)
    marks = ", ".join("?" * len(rows[0]))
    con.executemany(f"INSERT INTO list_raw VALUES ({marks})", rows)  # noqa: S608
    normalise = linkage.NORMALISE_BY_KIND[kind]
    con.execute("CREATE TABLE registry_raw AS " + REGISTRY[kind])
    con.execute("CREATE TABLE list_side AS " + normalise.format(table="list_raw"))
    con.execute("CREATE TABLE registry_side AS " + normalise.format(table="registry_raw"))
    api = linkage.engine_api(con, "duckdb")
    # Every line is asked after as someone of the registry: one match among its records.
    size = con.execute("SELECT count(*) FROM registry_side").fetchone()[0]
    # Two halves of the registry with no record in common: their random pairs are non-matches
    # from which the u-probabilities are learnt (a pair of a record with itself is not).
    # A registry too small to halve (a single record) is paired with itself instead.
    split = (
        size > 1
        and con.execute("SELECT count(DISTINCT hash(unique_id) % 2) FROM registry_side").fetchone()[
            0
        ]
        == 2
    )
    for half, rest in (("a", 0), ("b", 1)):
        where = f"WHERE hash(unique_id) % 2 = {rest}" if split else ""
        con.execute(f"CREATE TABLE registry_{half} AS SELECT * FROM registry_side {where}")  # noqa: S608
    pairs = linkage.link(
        api,
        "list_side",
        "registry_side",
        kind=kind,
        threshold=REVIEW,
        match_share=1 / size,
        u_tables=("registry_a", "registry_b"),
    )
    found = []
    for p in pairs:
        cursor = con.execute("SELECT * FROM registry_raw WHERE unique_id = ?", [p.right])
        columns = [d[0] for d in cursor.description]
        record = dict(zip(columns, cursor.fetchone(), strict=True))
        weights = {k: {"level": v[0], "weight": v[1]} for k, v in p.weights.items()}
        found.append(
            {
                "line": int(p.left),
                "kind": kind,
                "key": record["registry_key"],
                "record": _shown(kind, record),
                # Plain floats: an engine may hand back decimals, which JSON does not take.
                "probability": float(p.match_probability),
                "certain": p.match_probability >= ACCEPT,
                "explanation": [[str(c), str(o), float(w)] for c, o, w in weights_shown(weights)],
            }
        )
    return found


def _persons(con, entries: list[Entry]) -> list[dict]:
    rows = []
    for e in entries:
        parsed = parse_name(e.name)
        # Initials as written ("P.J."), which the linkage compares by the first one.
        given = parsed.given_names or "".join(f"{c}." for c in parsed.initials)
        rows.append((str(e.line), parsed.surname, parsed.prefix, given, e.birth_date, None))
    return _linked(con, "person", rows) if rows else []


def _organisations(con, entries: list[Entry], filled: list[str]) -> list[dict]:
    """Lines with a KvK number by that number; lines with only a name by the linkage."""
    found = []
    for e in entries:
        if not e.kvk_number:
            continue
        record = {"name": "", "address": "", "postcode": ""}
        if "kvk_business" in filled:
            row = con.execute(
                "SELECT establishment AS unique_id, kvk_number AS registry_key, name, postcode, "
                "house_number, street, place FROM wh.kvk_business WHERE kvk_number = ? "
                "ORDER BY establishment LIMIT 1",
                [e.kvk_number],
            ).fetchone()
            if row:
                record = _shown("organisation", dict(zip(_ORG_COLUMNS, row, strict=True)))
        explanation = [[_("KvK number"), _("the same"), None]]
        found.append(
            {
                "line": e.line,
                "kind": "organisation",
                "key": e.kvk_number,
                "record": record,
                "probability": 1.0,
                "certain": True,
                "explanation": explanation,
            }
        )
    named = [(str(e.line), e.name, None, None) for e in entries if not e.kvk_number]
    if named and "kvk_business" in filled:
        found.extend(_linked(con, "organisation", named))
    return found


_ORG_COLUMNS = ("unique_id", "registry_key", "name", "postcode", "house_number", "street", "place")


def _day(value) -> str:
    return value.isoformat() if value else ""


def _hit(source, what, number, where, on, until, via) -> dict:
    return {"source": source, "what": what, "number": number, "where": where,
            "on": _day(on), "until": _day(until), **via}  # fmt: skip


def _facts(con, match: dict, filled: list[str]) -> list[dict]:
    column = "bsn_hash" if match["kind"] == "person" else "kvk_number"
    via = {"via": match["record"].get("name", ""), "certain": match["certain"]}
    hits = []
    if "permit" in filled:
        rows = con.execute(
            f"SELECT permit_number, permit_type, street, house_number, place, granted_on, "  # noqa: S608
            f"valid_until FROM wh.permit WHERE {column} = ? ORDER BY granted_on, permit_number",
            [match["key"]],
        ).fetchall()
        for number, kind, street, house, place, granted, until in rows:
            where = " ".join(str(v) for v in (street, house, place) if v)
            hits.append(_hit("permit", kind, number, where, granted, until, via))
    if "closure" in filled:
        rows = con.execute(
            f"SELECT measure, decided_on, closed_address FROM wh.closure WHERE {column} = ? "  # noqa: S608
            "ORDER BY decided_on",
            [match["key"]],
        ).fetchall()
        for measure, decided, address in rows:
            hits.append(_hit("closure", measure, "", address or "", decided, None, via))
    return hits


def match(entries: list[Entry]) -> tuple[list[str], dict[int, Found]]:
    """The list matcher the screening app calls (registered in ``WarehouseConfig.ready``)."""
    if not Path(settings.WAREHOUSE_PATH).exists():
        return [], {}
    try:
        engine = stage_engine()
    except duckdb.IOException:
        # An import or scan holds the file; the list is refused whole, nothing is stored.
        raise ValidationError(
            _("The warehouse is busy with an import or a scan; check the list again shortly.")
        ) from None
    with closing(engine) as con:
        filled = _filled(con)
        persons = [e for e in entries if e.birth_date and not e.kvk_number]
        others = [e for e in entries if e not in persons]
        matches = _persons(con, persons) if persons and "brp_person" in filled else []
        matches += _organisations(con, others, filled)
        found: dict[int, Found] = {}
        for m in matches:
            answer = found.setdefault(m.pop("line"), Found([], []))
            answer.hits.extend(_facts(con, m, filled))
            m.pop("key")  # a hashed BSN means nothing to a reader and is not kept
            answer.matches.append(m)
    # In the words of the page, as the list keeps them (the screening app knows no tables).
    return [str(SOURCES[t]) for t in filled], found
