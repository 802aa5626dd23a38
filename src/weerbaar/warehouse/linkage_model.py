"""What the record linkage of ``warehouse.linkage`` compares, and how it blocks.

A table of persons has ``unique_id``, ``surname``, ``prefix``, ``given_names``,
``birth_date``, and where known the address: ``street``, ``house_number``, ``postcode`` and
``place``. A table of organisations has ``unique_id``, ``name`` and the same address columns.
Any of them may be empty or absent: an absent address column is read as empty. ``NORMALISE``
turns such a table into the keys the comparisons read; the comparisons are plain SQL that
DuckDB and Spark both run.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import splink.comparison_library as cl

ADDRESS_COLUMNS = ("street", "house_number", "postcode", "place")
# Address columns a source does not have are read as empty (DuckDB fills what a union by
# name lacks with NULL), so every caller passes what it knows and no more.
_SOURCE = (
    "(SELECT * FROM {table} UNION ALL BY NAME SELECT "  # noqa: S608 - our own names
    + ", ".join(f"NULL::VARCHAR AS {c}" for c in ADDRESS_COLUMNS)
    + " WHERE false)"
)


def _letters(expression: str) -> str:
    """Lower case, accents off, letters and digits only."""
    return f"regexp_replace(strip_accents(lower({expression})), '[^a-z0-9]', '', 'g')"


_STREET = _letters(
    "regexp_replace(coalesce(CAST(street AS VARCHAR), ''), 'str\\.?\\s*$', 'straat', 'i')"
)
_PLACE = _letters("coalesce(CAST(place AS VARCHAR), '')")
ADDRESS = f"""
    NULLIF({_STREET}, '') AS street_key,
    NULLIF(regexp_extract(CAST(house_number AS VARCHAR), '^\\s*0*([0-9]+)', 1), '')
        AS house_number_key,
    NULLIF(upper(replace(coalesce(CAST(postcode AS VARCHAR), ''), ' ', '')), '') AS postcode,
    NULLIF({_PLACE}, '') AS place_key
"""

# Tussenvoegsels written inside the surname ("van der Berg", "v.d. Berg" in the surname field).
PREFIXES = "van|de|der|den|het|ter|ten|te|in|op|von|la|le|du|da|di|el|al|''t|d''|v\\.|d\\.|vd"
_BIRTH = "regexp_replace(CAST(birth_date AS VARCHAR), '[^0-9]', '', 'g')"
_SURNAME = _letters(
    f"regexp_replace(coalesce(CAST(surname AS VARCHAR), ''), '^(({PREFIXES})\\s*)+\\s', '', 'i')"
)
_FULL = _letters("coalesce(CAST(prefix AS VARCHAR), '') || coalesce(CAST(surname AS VARCHAR), '')")
# the first given name, or its initial when only initials were written ("P.J.")
_GIVEN = _letters(
    "split_part(regexp_replace(trim(coalesce(CAST(given_names AS VARCHAR), '')), "
    "'[.\\s]+', ' ', 'g'), ' ', 1)"
)
_INITIAL = _letters("coalesce(CAST(given_names AS VARCHAR), '')")
NORMALISE = f"""
SELECT
    CAST(unique_id AS VARCHAR) AS unique_id,
    NULLIF({_SURNAME}, '') AS surname_key,
    NULLIF({_FULL}, '') AS full_key,
    NULLIF({_GIVEN}, '') AS given_key,
    NULLIF(left({_INITIAL}, 1), '') AS initial,
    -- a date as its eight digits (ISO dates and YYYYMMDD alike); anything else is unknown
    CASE WHEN length({_BIRTH}) = 8 THEN {_BIRTH} END AS birth_str,
    CASE WHEN length({_BIRTH}) = 8 THEN left({_BIRTH}, 4) END AS birth_year,
    {ADDRESS}
FROM {_SOURCE}
"""  # noqa: S608 - constant SQL; the table name comes from the code


def _label(level, code: str):
    return level.configure(label_for_charts=code)


def _comparison(name: str, column: str, *between, frequent: bool = False):
    """Missing, the same, the levels ``between``, different: every comparison's frame.
    ``frequent``: the weight of "the same" depends on how common the value is (a shared
    "de Jong" says less than a shared "Oudejans")."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name=name,
        comparison_levels=[
            _label(cll.NullLevel(column), "missing"),
            _label(cll.ExactMatchLevel(column, term_frequency_adjustments=frequent), "same"),
            *between,
            _label(cll.ElseLevel(), "different"),
        ],
    )


def _address() -> cl.CustomComparison:
    """One comparison for the whole address, because its parts are not independent: the
    same postcode mostly means the same street and place."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    def level(sql: str, code: str, **extra):
        return cll.CustomLevel(sql, label_for_charts=code).configure(**extra)

    number = "house_number_key_l = house_number_key_r"
    street = "street_key_l = street_key_r"
    postcode = "postcode_l = postcode_r"
    either = "({0}_l IS NULL OR {0}_r IS NULL)"
    # a street name recurs in other places: only the same street when the place agrees
    place = f"(place_key_l = place_key_r OR {either.format('place_key')})"
    return cl.CustomComparison(
        output_column_name="address",
        comparison_levels=[
            level(
                "coalesce(street_key_l, postcode_l, place_key_l) IS NULL "
                "OR coalesce(street_key_r, postcode_r, place_key_r) IS NULL",
                "missing",
                is_null_level=True,
            ),
            # the same number in the same street, nothing of the address contradicting it
            level(
                f"{number} AND {place} AND (({street} AND ({postcode} OR "
                f"{either.format('postcode')})) OR ({postcode} AND {either.format('street_key')}))",
                "same",
            ),
            # the same number, street or postcode alike but not all of it
            _label(
                cll.And(
                    cll.CustomLevel(number),
                    cll.Or(
                        cll.CustomLevel(f"{street} OR {postcode}"),
                        cll.JaroWinklerLevel("street_key", 0.88),
                    ),
                ),
                "similar",
            ),
            # street and postcode the same, the number known on one side only
            level(
                f"{street} AND {postcode} AND {either.format('house_number_key')}",
                "same_street_no_number",
            ),  # fmt: skip
            level(f"{postcode} OR ({street} AND {place})", "same_street"),
            level(
                "place_key_l = place_key_r",
                "same_place",
                tf_adjustment_column="place_key",
                tf_adjustment_weight=1.0,
            ),
            level("left(postcode_l, 4) = left(postcode_r, 4)", "same_area"),
            _label(cll.ElseLevel(), "different"),
        ],
    )


def _swapped(both: bool = True):
    """Given name and surname written in each other's field: both alike crosswise
    ("swapped"), or with ``both`` false one of them ("crossed": the surname written as the
    given name and another name in its place)."""
    from splink.internals.comparison_level_creator import ComparisonLevelCreator

    class Swapped(ComparisonLevelCreator):
        def create_sql(self, sql_dialect) -> str:
            alike = sql_dialect.jaro_winkler_function_name
            join = "AND" if both else "OR"
            return (
                f"{alike}(surname_key_l, given_key_r) >= 0.88 "
                f"{join} {alike}(given_key_l, surname_key_r) >= 0.88"
            )

        def create_label_for_charts(self) -> str:
            return "swapped" if both else "crossed"

    return Swapped()


def _person_comparisons() -> list:
    import splink.comparison_level_library as cll

    day = "substr(birth_str_{}, 7, 2)"
    month = "substr(birth_str_{}, 5, 2)"
    return [
        _comparison(
            "surname",
            "surname_key",
            cll.CustomLevel(
                "full_key_l = full_key_r OR surname_key_l = full_key_r "
                "OR full_key_l = surname_key_r",
                label_for_charts="prefix_differs",
            ),
            _label(cll.JaroWinklerLevel("surname_key", 0.92), "very_similar"),
            _label(cll.JaroWinklerLevel("surname_key", 0.80), "similar"),
            _swapped(),
            _swapped(both=False),
            frequent=True,
        ),
        _comparison(
            "given_name",
            "given_key",
            cll.CustomLevel(
                "(length(given_key_l) = 1 OR length(given_key_r) = 1) AND initial_l = initial_r",
                label_for_charts="initial_same",
            ),
            _label(cll.JaroWinklerLevel("given_key", 0.88), "similar"),
            # the surname comparison weighs the swap; here it neither adds nor takes away
            _swapped().configure(
                m_probability=0.5, u_probability=0.5, fix_m_probability=True, fix_u_probability=True
            ),
            frequent=True,
        ),
        _comparison(
            "birth_date",
            "birth_str",
            cll.CustomLevel(
                f"birth_year_l = birth_year_r AND {month.format('l')} = {day.format('r')} "
                f"AND {day.format('l')} = {month.format('r')}",
                label_for_charts="day_month_swapped",
            ),
            _label(cll.DamerauLevenshteinLevel("birth_str", 1), "one_digit"),
            _label(cll.DamerauLevenshteinLevel("birth_str", 2), "two_digits"),
        ),
        _address(),
    ]


# Legal forms and filler words that say nothing about which organisation it is.
LEGAL_FORMS = (
    "bv|b v|nv|n v|vof|v o f|cv|c v|holding|stichting|vereniging|cooperatie|ua|u a|"
    "eenmanszaak|the|de|het"
)
_WORDS = (
    f"regexp_replace(regexp_replace(strip_accents(lower(coalesce(name, ''))), '[^a-z0-9]+', "
    f"' ', 'g'), '\\b({LEGAL_FORMS})\\b', '', 'g')"
)
NORMALISE_ORGANISATION = f"""
SELECT
    CAST(unique_id AS VARCHAR) AS unique_id,
    {_WORDS} AS name_words,
    NULLIF(regexp_replace({_WORDS}, '[^a-z0-9]', '', 'g'), '') AS name_key,
    {ADDRESS}
FROM {_SOURCE}
"""  # noqa: S608 - constant SQL; the table name comes from the code


def _organisation_comparisons() -> list:
    import splink.comparison_level_library as cll

    return [
        _comparison(
            "name",
            "name_key",
            _label(cll.JaroWinklerLevel("name_key", 0.92), "very_similar"),
            _label(cll.JaroWinklerLevel("name_key", 0.80), "similar"),
        ),
        _address(),
    ]


@cache
def model_for(kind: str) -> dict:
    """The comparisons, blocking rules and training rules of the model for ``kind``. The
    blocking rules are chosen by the recall they reach on the linkage benchmark
    (``benchmarks/linkage_quality.py`` prints it per rule)."""
    from splink import block_on
    from splink.blocking_rule_library import CustomRule

    if kind == "person":
        return {
            "comparisons": _person_comparisons(),
            "blocking": [
                block_on("birth_str"),
                block_on("surname_key", "birth_year"),
                block_on("full_key", "initial"),
                block_on("given_key", "birth_year"),
                block_on("given_key", "surname_key"),
                block_on("postcode", "house_number_key"),
                block_on("surname_key", "postcode"),
                block_on("postcode", "initial"),
                block_on("surname_key", "street_key"),
                block_on("given_key", "place_key", "house_number_key"),
                block_on("street_key", "house_number_key", "initial"),
                CustomRule("l.surname_key = r.given_key AND l.given_key = r.surname_key"),
            ],
            "deterministic": block_on("surname_key", "given_key", "birth_str"),
            "em": [block_on("birth_str"), block_on("surname_key", "initial")],
            "share_from_predictions": True,
        }
    return {
        "comparisons": _organisation_comparisons(),
        "blocking": [
            block_on("name_key"),
            block_on("postcode", "house_number_key"),
            block_on("substr(name_key, 1, 4)", "postcode"),
        ],
        "deterministic": block_on("name_key"),
        "em": [block_on("postcode"), block_on("name_key")],
        # Two comparisons only, on an application side of some dozens: the u-probability of
        # the same name, learnt from random pairs, still holds the matches themselves, so the
        # model's own sum of probabilities undercounts; the strict rule's guess stays.
        "share_from_predictions": False,
    }


NORMALISE_BY_KIND = {"person": NORMALISE, "organisation": NORMALISE_ORGANISATION}


def blocking_recall(con, left: str, right: str, truth: set, kind: str = "person") -> list:
    """Per blocking rule of ``kind``, and for all of them together, the share of the true
    pairs ``truth`` ((left id, right id); for one table with itself, ``left`` = ``right``)
    that it brings to the comparison: a pair no rule brings is never found. For measuring
    the rules on data with known matches (tests, the linkage benchmark)."""
    con.execute("CREATE OR REPLACE TEMP TABLE blocking_truth (a VARCHAR, b VARCHAR)")
    con.executemany("INSERT INTO blocking_truth VALUES (?, ?)", sorted(truth))
    rules = [r.get_blocking_rule("duckdb").blocking_rule_sql for r in model_for(kind)["blocking"]]
    every = " OR ".join(f"({rule})" for rule in rules)
    shares = []
    for label, condition in [*((rule, rule) for rule in rules), ("all rules", every)]:
        (count,) = con.execute(
            f"SELECT count(*) FROM blocking_truth t JOIN {left} l ON l.unique_id = t.a "  # noqa: S608
            f"JOIN {right} r ON r.unique_id = t.b WHERE coalesce({condition}, false)"
        ).fetchone()
        shares.append((label, count / max(len(truth), 1)))
    return shares
