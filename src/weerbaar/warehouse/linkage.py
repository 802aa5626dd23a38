"""Record linkage of persons and organisations without a shared key (Splink,
Fellegi-Sunter), trained on the data itself.

Two tables of persons are compared on normalised Dutch names, dates and the address, two
tables of organisations on their name without its legal form and the address
(``linkage_model`` says what is compared and how it blocks); ``dedupe`` compares one table
with itself. A pair's match weight is the sum of the weights of what agrees and what does
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
from itertools import combinations
from typing import TYPE_CHECKING

from weerbaar.warehouse import short_list
from weerbaar.warehouse.linkage_model import (  # noqa: F401 - re-exported for the callers
    NORMALISE,
    NORMALISE_BY_KIND,
    NORMALISE_ORGANISATION,
    model_for,
)

if TYPE_CHECKING:
    from splink import Linker, SettingsCreator


def settings(kind: str = "person", link_type: str = "link_only") -> SettingsCreator:
    from splink import SettingsCreator

    return SettingsCreator(
        link_type=link_type,
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
    weights: dict  # comparison -> (level, weight); empty for a pair found through others
    via: str = ""  # a record both are the same as, for a pair found through others


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
    if rules["share_from_predictions"]:
        _share_from_predictions(linker)


def _rows(linker: Linker, sql: str) -> list[tuple]:
    answer = linker._db_api._execute_sql_against_backend(sql)
    if hasattr(answer, "fetchall"):
        return answer.fetchall()  # DuckDB
    return [tuple(row) for row in answer.collect()]  # Spark


def _share_from_predictions(linker: Linker) -> None:
    """The share of matching pairs learnt again from the trained model: the strict rule's
    guess assumes it finds 70% of the matches, and on messy data it finds fewer, so every
    probability came out too low. The expected number of matches (the sum of the
    probabilities of the pairs the blocking compares, which holds nearly every match) over
    the number of possible pairs is the share the model itself implies; once is enough, a
    second round moves it by less than 1%."""
    sizes = [
        _rows(linker, f"SELECT count(*) FROM {t.physical_name}")[0][0]  # noqa: S608 - Splink's
        for t in linker._input_tables_dict.values()
    ]
    possible = sizes[0] * (sizes[0] - 1) / 2 if len(sizes) == 1 else sizes[0] * sizes[1]
    result = linker.inference.predict(threshold_match_probability=0.001)
    (expected,) = _rows(linker, f"SELECT sum(match_probability) FROM {result.physical_name}")[0]  # noqa: S608
    if expected and possible:
        linker._settings_obj._probability_two_random_records_match = min(
            float(expected) / possible, 0.5
        )


def _level_names(linker: Linker) -> dict[str, dict[int, str]]:
    names = {}
    for comparison in linker._settings_obj.comparisons:
        names[comparison.output_column_name] = {
            level.comparison_vector_value: level.label_for_charts
            for level in comparison.comparison_levels
        }
    return names


def pairs(linker: Linker, *, threshold: float = 0.5, best: bool = True) -> list[Pair]:
    """The pairs from a probability of ``threshold`` up: with ``best``, only the best pair
    per record on either side (one record of a source is one record of the other)."""
    result = linker.inference.predict(threshold_match_probability=threshold)
    levels = _level_names(linker)
    names = list(levels)
    # a comparison weighed by how common the value is has its adjustment in a column of its
    # own: shown in the weight, so the weights still add up to the pair's match weight
    adjusted = {c.output_column_name: c._bf_tf_adj_column_name
                for c in linker._settings_obj.comparisons if c._has_tf_adjustments}  # fmt: skip
    columns = ", ".join(
        f"gamma_{n}, bf_{n} * coalesce({adjusted[n]}, 1)" if n in adjusted else f"gamma_{n}, bf_{n}"
        for n in names
    )
    # A window in a subquery rather than QUALIFY: Spark SQL has no QUALIFY.
    sql = f"""
        SELECT unique_id_l, unique_id_r, match_weight, match_probability, {columns}
        FROM (
            SELECT *, row_number() OVER (
                PARTITION BY unique_id_l ORDER BY match_weight DESC, unique_id_r
            ) AS rank
            FROM {result.physical_name}
        ) WHERE rank = 1 OR NOT {best}
    """  # noqa: S608 - names from the model and Splink
    rows = _rows(linker, sql)
    if best:
        best_right: dict[str, tuple] = {}
        for row in rows:
            seen = best_right.get(row[1])
            # the higher weight wins; on a tie the smaller id, so every engine picks the same
            if seen is None or (row[2], seen[0]) > (seen[2], row[0]):
                best_right[row[1]] = row
        rows = list(best_right.values())
    found = []
    for row in rows:
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


def dedupe(
    db_api, table: str, *, kind: str = "person", threshold: float = 0.5, max_pairs: float = 2e6
) -> list[Pair]:
    """The pairs of records of one normalised table that are the same person or
    organisation, from ``threshold`` up, the model trained on the table itself. Every pair
    is returned, not only the best per record: someone may be recorded three times."""
    from splink import Linker

    with quiet_splink():
        linker = Linker(table, settings(kind, "dedupe_only"), db_api=db_api,
                        set_up_basic_logging=False)  # fmt: skip
        (size,) = _rows(linker, f"SELECT count(*) FROM {table}")[0]  # noqa: S608 - our name
        if size >= TRAIN_MIN:
            train(linker, kind=kind, max_pairs=max_pairs)
        else:
            _state_small(linker, table, kind=kind, size=size, max_pairs=max_pairs)
        direct = pairs(linker, threshold=threshold, best=False)
    return direct + through(direct)


# Fewer records than this cannot teach the model (expectation maximisation needs hundreds of
# pairs of each kind): the m-probabilities are then those of ``short_list.M``.
TRAIN_MIN = 1000
# Fewer possible pairs than this (under 46 records) and the u-probabilities are stated too.
U_MIN = 1000


def _state_small(linker: Linker, table: str, *, kind: str, size: int, max_pairs: float) -> None:
    """A small table: the share of matches from the strict rule, taken to find 70% of them
    (counted here: Splink's estimate refuses a table where the rule finds nearly every
    pair), at least one pair in all and at most half; the u-probabilities from its random
    pairs (stated for a handful of records), the m-probabilities as stated."""
    rule = model_for(kind)["deterministic"].get_blocking_rule(linker._sql_dialect_str)
    (found,) = _rows(linker, f"SELECT count(*) FROM {table} l JOIN {table} r "  # noqa: S608
                     f"ON l.unique_id < r.unique_id AND {rule.blocking_rule_sql}")[0]  # fmt: skip
    possible = size * (size - 1) / 2
    short_list.state(linker, min(max(found / 0.7, 1) / possible, 0.5))
    if possible < U_MIN:  # its random pairs would be mostly the duplicates themselves
        short_list.state_u(linker)
    else:
        linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=1)


# A group of more records than this is not spread into pairs: a chain of errors is likelier
# than one person recorded that often.
GROUP_LIMIT = 10


def through(direct: list[Pair]) -> list[Pair]:
    """The pairs that follow from ``direct``: when a is b and b is c, a is c, though a and c
    were not alike enough themselves. Such a pair is as certain as the least certain direct
    pair of its group, and names a record both are the same as when there is one."""
    near: dict[str, dict[str, Pair]] = {}
    for p in direct:
        near.setdefault(p.left, {})[p.right] = p
        near.setdefault(p.right, {})[p.left] = p
    found, seen = [], set()
    for start in sorted(near):
        if start in seen:
            continue
        group, todo = [], [start]
        seen.add(start)
        while todo:
            record = todo.pop()
            group.append(record)
            todo.extend(other for other in near[record] if other not in seen)
            seen.update(near[record])
        if len(group) > GROUP_LIMIT:
            continue
        weakest = min((p for r in group for p in near[r].values()), key=lambda p: p.match_weight)
        for a, b in combinations(sorted(group), 2):
            if b not in near[a]:
                via = min(set(near[a]) & set(near[b]), default="")
                found.append(Pair(a, b, weakest.match_weight, weakest.match_probability, {}, via))
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
