"""Record linkage of persons and organisations without a shared key (Splink,
Fellegi-Sunter), trained on the data itself.

Two tables of persons, each with ``unique_id``, ``surname``, ``prefix``, ``given_names``,
``birth_date`` and ``postcode`` (any may be empty), are compared on normalised Dutch names
and dates; two tables of organisations (``unique_id``, ``name``, ``postcode``,
``house_number``) on their name without its legal form, and their address. A pair's match
weight is the sum of the weights of what agrees and what does
not, per comparison, so the analyst sees why two records were linked. The model is the same
SQL on every engine Splink supports: DuckDB on one machine, Spark beyond it.

Splink is imported only when a model is built (``model_for``): the web workers import this
module through the background tasks, and must not load Splink for it.
"""

from __future__ import annotations

import logging
import math
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from weerbaar.warehouse import short_list

if TYPE_CHECKING:
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator

# Tussenvoegsels written inside the surname ("van der Berg" in the surname field).
PREFIXES = "van|de|der|den|het|ter|ten|te|in|op|von|la|le|du|da|di|el|al|''t|d''"
NORMALISE = f"""
SELECT
    CAST(unique_id AS VARCHAR) AS unique_id,
    regexp_replace(strip_accents(lower(regexp_replace(coalesce(surname, ''),
        '^(({PREFIXES})\\s+)+', '', 'i'))), '[^a-z0-9]', '', 'g') AS surname_key,
    regexp_replace(strip_accents(lower(coalesce(prefix, '') || coalesce(surname, ''))),
        '[^a-z0-9]', '', 'g') AS full_key,
    -- the first given name, or its initial when only initials were written ("P.J.")
    regexp_replace(strip_accents(lower(split_part(regexp_replace(trim(coalesce(given_names,
        '')), '[.\\s]+', ' ', 'g'), ' ', 1))), '[^a-z0-9]', '', 'g') AS given_key,
    left(regexp_replace(strip_accents(lower(coalesce(given_names, ''))), '[^a-z]', '', 'g'), 1)
        AS initial,
    CAST(birth_date AS DATE) AS birth_date,
    strftime(CAST(birth_date AS DATE), '%Y%m%d') AS birth_str,
    year(CAST(birth_date AS DATE)) AS birth_year,
    NULLIF(upper(replace(coalesce(postcode, ''), ' ', '')), '') AS postcode
FROM {{table}}
"""  # noqa: S608 - constant SQL; the table name comes from the code


def _label(level, code: str):
    return level.configure(label_for_charts=code)


def _comparison(name: str, column: str, *between) -> cl.CustomComparison:
    """Missing, the same, the levels ``between``, different: every comparison's frame."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name=name,
        comparison_levels=[
            _label(cll.NullLevel(column), "missing"),
            _label(cll.ExactMatchLevel(column), "same"),
            *between,
            _label(cll.ElseLevel(), "different"),
        ],
    )


def _postcode() -> cl.CustomComparison:
    import splink.comparison_level_library as cll

    return _comparison(
        "postcode",
        "postcode",
        cll.CustomLevel("left(postcode_l, 4) = left(postcode_r, 4)", "same_area"),
    )


def _person_comparisons() -> list:
    import splink.comparison_level_library as cll

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
        ),
        _comparison(
            "given_name",
            "given_key",
            cll.CustomLevel(
                "(length(given_key_l) = 1 OR length(given_key_r) = 1) AND initial_l = initial_r",
                label_for_charts="initial_same",
            ),
            _label(cll.JaroWinklerLevel("given_key", 0.88), "similar"),
        ),
        _comparison(
            "birth_date",
            "birth_date",
            cll.CustomLevel(
                "birth_year_l = birth_year_r AND month(birth_date_l) = day(birth_date_r) "
                "AND day(birth_date_l) = month(birth_date_r)",
                label_for_charts="day_month_swapped",
            ),
            _label(cll.DamerauLevenshteinLevel("birth_str", 1), "one_digit"),
        ),
        _postcode(),
    ]


# Legal forms and filler words that say nothing about which organisation it is.
LEGAL_FORMS = (
    "bv|b v|nv|n v|vof|v o f|cv|c v|holding|stichting|vereniging|cooperatie|ua|u a|"
    "eenmanszaak|the|de|het"
)
NORMALISE_ORGANISATION = f"""
SELECT
    CAST(unique_id AS VARCHAR) AS unique_id,
    regexp_replace(regexp_replace(strip_accents(lower(coalesce(name, ''))), '[^a-z0-9]+', ' ',
        'g'), '\\b({LEGAL_FORMS})\\b', '', 'g') AS name_words,
    regexp_replace(regexp_replace(regexp_replace(strip_accents(lower(coalesce(name, ''))),
        '[^a-z0-9]+', ' ', 'g'), '\\b({LEGAL_FORMS})\\b', '', 'g'), '[^a-z0-9]', '', 'g')
        AS name_key,
    NULLIF(upper(replace(coalesce(postcode, ''), ' ', '')), '') AS postcode,
    NULLIF(CAST(house_number AS VARCHAR), '') AS house_number
FROM {{table}}
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
        _postcode(),
        _comparison("house_number", "house_number"),
    ]


@cache
def model_for(kind: str) -> dict:
    """The comparisons, blocking rules and training rules of the model for ``kind``."""
    from splink import block_on

    if kind == "person":
        return {
            "comparisons": _person_comparisons(),
            "blocking": [
                block_on("birth_date"),
                block_on("surname_key", "birth_year"),
                block_on("full_key", "initial"),
                block_on("given_key", "birth_year"),
            ],
            "deterministic": block_on("surname_key", "given_key", "birth_date"),
            "em": [block_on("birth_date"), block_on("surname_key", "initial")],
        }
    return {
        "comparisons": _organisation_comparisons(),
        "blocking": [
            block_on("name_key"),
            block_on("postcode", "house_number"),
            block_on("substr(name_key, 1, 4)", "postcode"),
        ],
        "deterministic": block_on("name_key"),
        "em": [block_on("postcode"), block_on("name_key")],
    }


NORMALISE_BY_KIND = {"person": NORMALISE, "organisation": NORMALISE_ORGANISATION}


def settings(kind: str = "person") -> SettingsCreator:
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="link_only",
        comparisons=model_for(kind)["comparisons"],
        blocking_rules_to_generate_predictions=model_for(kind)["blocking"],
        retain_intermediate_calculation_columns=True,
        additional_columns_to_retain=[],
    )


@dataclass
class Pair:
    left: str
    right: str
    match_weight: float
    match_probability: float
    weights: dict  # comparison -> (level, weight)


def train(
    linker: Linker, *, kind: str = "person", max_pairs: float = 2e6, match_share=None
) -> None:
    """Estimate the model from the data: the share of matches from a strict rule, the
    u-probabilities from random pairs, the m-probabilities by expectation maximisation in
    two rounds (each round leaves its blocking columns untrained).

    ``match_share``: the left side is a short list (a Bibob list screening) whose every line
    is expected to be one record of the right side, so the share of matching pairs is known
    (1 / the right side's size) rather than estimated, and the m-probabilities are those of
    ``short_list.M`` rather than learnt from a handful of lines; the u-probabilities are
    set by ``link`` from the right side itself."""
    rules = model_for(kind)
    if match_share is not None:
        short_list.state(linker, match_share)
        return
    linker.training.estimate_probability_two_random_records_match(
        [rules["deterministic"]], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=1)
    for rule in rules["em"]:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True
        )


def _level_names(linker: Linker) -> dict[str, dict[int, str]]:
    names = {}
    for comparison in linker._settings_obj.comparisons:
        names[comparison.output_column_name] = {
            level.comparison_vector_value: level.label_for_charts
            for level in comparison.comparison_levels
        }
    return names


def pairs(linker: Linker, *, threshold: float = 0.5) -> list[Pair]:
    """The best pair per record on either side, from a probability of ``threshold`` up."""
    result = linker.inference.predict(threshold_match_probability=threshold)
    levels = _level_names(linker)
    names = list(levels)
    columns = ", ".join(f"gamma_{n}, bf_{n}" for n in names)
    # A window in a subquery rather than QUALIFY: Spark SQL has no QUALIFY.
    sql = f"""
        SELECT unique_id_l, unique_id_r, match_weight, match_probability, {columns}
        FROM (
            SELECT *, row_number() OVER (
                PARTITION BY unique_id_l ORDER BY match_weight DESC, unique_id_r
            ) AS rank
            FROM {result.physical_name}
        ) WHERE rank = 1
    """  # noqa: S608 - names from the model and Splink
    answer = linker._db_api._execute_sql_against_backend(sql)
    if hasattr(answer, "fetchall"):
        rows = answer.fetchall()  # DuckDB
    else:
        rows = [tuple(row) for row in answer.collect()]  # Spark
    best_right: dict[str, tuple] = {}
    for row in rows:
        best = best_right.get(row[1])
        # the higher weight wins; on a tie the smaller id, so every engine picks the same
        if best is None or (row[2], best[0]) > (best[2], row[0]):
            best_right[row[1]] = row
    found = []
    for row in best_right.values():
        weights = {}
        for k, name in enumerate(names):
            gamma, bf = row[4 + 2 * k], row[5 + 2 * k]
            weights[name] = (
                levels[name].get(gamma, str(gamma)),
                round(math.log2(bf), 2) if bf else 0.0,
            )
        found.append(Pair(row[0], row[1], round(row[2], 2), round(row[3], 4), weights))
    return found


def link(
    db_api,
    left: str,
    right: str,
    *,
    kind: str = "person",
    threshold: float = 0.5,
    max_pairs: float = 2e6,
    model: dict | None = None,
    match_share: float | None = None,
    u_tables: tuple[str, str] = ("", ""),
):
    """Train on ``left`` and ``right`` (normalised tables in the engine) and return the
    pairs from ``threshold`` up. ``model``, when given, receives what the training found:
    the share of pairs expected to match and the levels the data never showed.
    ``match_share``: see ``train``; ``u_tables`` then names two halves of ``right`` without
    a record in common, whose random pairs give the u-probabilities (a short list alone
    shows too few of them)."""
    from splink import Linker

    with quiet_splink() as heard:
        # Splink sets up its own logging to the terminal unless told not to.
        linker = Linker([left, right], settings(kind), db_api=db_api, set_up_basic_logging=False)
        train(linker, kind=kind, max_pairs=max_pairs, match_share=match_share)
        if match_share is not None:
            short_list.u_from(linker, Linker(list(u_tables), settings(kind), db_api=db_api,
                                   set_up_basic_logging=False), max_pairs)  # fmt: skip
        found = pairs(linker, threshold=threshold)
    if model is not None:
        share = linker._settings_obj._probability_two_random_records_match
        model.update({"match_share": round(share, 6), "not_trained": heard.untrained[:40]})
    return found


class _Heard(logging.Handler):
    """Splink's warnings during a run, kept: each names a comparison level the data never
    showed, so its weight is a prior, not learnt."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.untrained: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = " ".join(record.getMessage().replace("WARNING:", "").split())
        if text and text not in self.untrained:
            self.untrained.append(text[:200])


@contextmanager
def quiet_splink():
    """Splink narrates its training in English on the terminal (dozens of lines in
    ``make demo``): during our runs its loggers only reach the handler this yields."""
    logger, heard = logging.getLogger("splink"), _Heard()
    before = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(heard)
    try:
        yield heard
    finally:
        logger.removeHandler(heard)
        logger.setLevel(before[0])
        logger.propagate = before[1]


def spark_tables(con, spark, folder, names: list[str]) -> None:
    """Hand normalised tables of the DuckDB connection to Spark (through Parquet), under
    the same names, for ``link`` with Splink's Spark backend."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        target = folder / f"{name}.parquet"
        con.execute(f"COPY {name} TO '{target}' (FORMAT parquet)")  # noqa: S608 - our names
        spark.read.parquet(str(target)).createOrReplaceTempView(name)


def engine_api(con, name: str):
    """The Splink backend of the engine ``name`` ("duckdb" or "spark")."""
    if name == "duckdb":
        from splink import DuckDBAPI

        return DuckDBAPI(connection=con)
    from splink.backends.spark import SparkAPI

    from weerbaar.warehouse.engines import spark_session

    return SparkAPI(spark_session=spark_session())
