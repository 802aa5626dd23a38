"""Record linkage at scale (issue #6): ``--records`` persons against as many, of which half
are the same persons recorded with Dutch variation (see ``weerbaar.demo.linkage_data``).
Prints the time to train and predict with Splink on DuckDB, peak memory, and precision and
recall of the pairs linked automatically (probability >= 0.95) and of those including the
review list (>= 0.5).

    python benchmarks/warehouse_linkage.py --records 1000000
"""

import argparse
import csv
import os
import resource
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--memory", default="8GB", help="DuckDB memory limit")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.settings")
    os.environ.setdefault("WEERBAAR_ENV", "test")
    import django

    django.setup()
    import duckdb
    from splink import DuckDBAPI

    from weerbaar.demo.linkage_data import COLUMNS, two_sources
    from weerbaar.warehouse import linkage

    started = time.monotonic()
    left, right, truth = two_sources(args.records, args.records, args.records // 2, seed=5)
    print(f"generated 2 x {args.records:,} records in {time.monotonic() - started:.0f} s")
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(config={"memory_limit": args.memory, "temp_directory": tmp})
        for name, rows in (("lsrc_raw", left), ("rsrc_raw", right)):
            path = Path(tmp) / f"{name}.csv"
            with path.open("w", newline="", encoding="utf-8") as f:
                out = csv.writer(f)
                out.writerow(COLUMNS)
                out.writerows(rows)
            con.execute(
                f"CREATE TABLE {name} AS SELECT * FROM read_csv(?, header=true, all_varchar=true)",
                [str(path)],
            )
            con.execute(f"CREATE TABLE {name[:4]} AS " + linkage.NORMALISE.format(table=name))
        del left, right
        started = time.monotonic()
        pairs = linkage.link(
            DuckDBAPI(connection=con), "lsrc", "rsrc", threshold=0.5, max_pairs=5e6
        )
        elapsed = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"train and predict: {elapsed:.0f} s, peak {peak:,.0f} MiB, {len(pairs):,} pairs")
    for floor in (0.95, 0.5):
        found = {(p.left, p.right) for p in pairs if p.match_probability >= floor}
        hits = len(found & truth)
        print(
            f"probability >= {floor}: {len(found):,} pairs, precision "
            f"{hits / max(len(found), 1):.4f}, recall {hits / len(truth):.4f}"
        )


if __name__ == "__main__":
    main()
