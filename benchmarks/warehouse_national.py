"""The informatiepakhuis at national scale (issue #6): import time and peak memory per
source, and the full scan.

Generates flat CSV extracts of ``--addresses`` addresses, ``--persons`` persons (with their
current registration; a share also with an ended earlier one) and ``--businesses``
establishments, then imports each through the real importer in its own process (so peak
memory is per source) and runs the scan of all rules, printing wall time and peak memory.

    python benchmarks/warehouse_national.py --addresses 10000000 --persons 18000000 \\
        --businesses 2500000
"""

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

STEPS = ("bag", "brp", "kvk", "scan", "duckdb2", "pandas2")
SBI = ["6201", "4120", "8621", "9602", "4511", "7711", "5630", "4719", "6820", "4321"]


def _bsn(n: int) -> str:
    """The n-th of up to 18 million distinct valid BSNs (five candidates each: at most one
    in eleven fails the 11-proef)."""
    for step in range(5):
        digits = f"{10_000_000 + n * 5 + step:08d}"
        total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        if total % 11 < 10:
            return digits + str(total % 11)
    raise ValueError(n)


def generate(folder: Path, addresses: int, persons: int, businesses: int) -> None:
    rng = random.Random(11)
    with (folder / "bag.csv").open("w", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(
            [
                "nummeraanduiding_id",
                "verblijfsobject_id",
                "postcode",
                "huisnummer",
                "huisletter",
                "toevoeging",
                "straat",
                "woonplaats",
                "oppervlakte",
                "gebruiksdoel",
                "bouwjaar",
            ]
        )
        for n in range(addresses):
            use = "woonfunctie" if n % 9 else "winkelfunctie"
            out.writerow(
                [
                    f"0{n:015d}",
                    f"1{n:015d}",
                    f"{1000 + n % 8999:04d}AB",
                    n % 300 + 1,
                    "",
                    "",
                    f"Straat {n % 5000}",
                    f"Plaats {n % 400}",
                    40 + n % 150,
                    use,
                    1900 + n % 120,
                ]
            )
    with (folder / "brp.csv").open("w", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(
            [
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
        )
        for n in range(persons):
            a = rng.randrange(addresses)
            a += 1 if a % 9 == 0 else 0  # people live in homes (every ninth address is a shop)
            since = date(2000, 1, 1) + timedelta(days=n % 9000)
            out.writerow(
                [
                    _bsn(n),
                    "Jansen",
                    "",
                    "Piet",
                    "1980-01-01",
                    "M",
                    f"1{a:015d}",
                    f"0{a:015d}",
                    "",
                    "",
                    "",
                    since.isoformat(),
                    "",
                ]
            )
    with (folder / "kvk.csv").open("w", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(
            [
                "kvk_nummer",
                "vestigingsnummer",
                "naam",
                "sbi_codes",
                "oprichtingsdatum",
                "postcode",
                "huisnummer",
                "huisletter",
                "toevoeging",
                "straat",
                "plaats",
            ]
        )
        for n in range(businesses):
            a = rng.randrange(addresses)
            out.writerow(
                [
                    f"{10000000 + n % 89999999:08d}",
                    f"{n:012d}",
                    f"Bedrijf {n}",
                    SBI[n % len(SBI)],
                    (date(1990, 1, 1) + timedelta(days=n % 12000)).isoformat(),
                    f"{1000 + a % 8999:04d}AB",
                    a % 300 + 1,
                    "",
                    "",
                    f"Straat {a % 5000}",
                    f"Plaats {a % 400}",
                ]
            )


def _rules_duckdb() -> float:
    """The two rules compared with pandas, as the warehouse runs them."""
    from weerbaar.warehouse import db, rules

    with db.connect() as con:
        started = time.monotonic()
        # the persons per object the two rules read are counted at import: count them here
        # too, so both sides do the same work
        db.count_occupancy(con)
        for code in ("overcrowding", "non_residential"):
            rule = rules.load(rules.FOLDER / f"{code}.sql")
            hits = con.execute(rule.sql, rule.params).fetchall()
            print(f"  duckdb {code}: {len(hits):,} hits", flush=True)
        return time.monotonic() - started


def _rules_pandas() -> float:
    """The same two rules written plainly in pandas, over the same tables."""

    from weerbaar.warehouse import db

    with db.connect() as con:
        bag = con.execute(
            "SELECT verblijfsobject_id, surface_m2, use_purpose FROM bag_address"
        ).df()
        residence = con.execute(
            "SELECT bsn_hash, address_object_id, date_until FROM brp_residence"
        ).df()
    started = time.monotonic()
    current = residence[residence["date_until"].isna()]
    persons = current.groupby("address_object_id")["bsn_hash"].nunique().rename("persons")
    table = bag.join(persons, on="verblijfsobject_id", how="inner")
    residential = table["use_purpose"].str.contains("woonfunctie", na=False)
    crowded = table[
        residential
        & (table["surface_m2"] > 0)
        & (table["persons"] >= 4)
        & (table["persons"] > table["surface_m2"] / 12)
    ]
    elsewhere = table[~residential & (table["persons"] >= 1)]
    print(f"  pandas overcrowding: {len(crowded):,} hits", flush=True)
    print(f"  pandas non_residential: {len(elsewhere):,} hits", flush=True)
    return time.monotonic() - started


def child(step: str, folder: str) -> None:
    import django

    django.setup()
    if step in ("duckdb2", "pandas2"):
        elapsed = _rules_duckdb() if step == "duckdb2" else _rules_pandas()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{step:<7} {elapsed:7.1f} s, peak {peak:6.0f} MiB", flush=True)
        Path(folder, f"{step}.time").write_text(str(elapsed))
        return
    from weerbaar.warehouse import services
    from weerbaar.warehouse.scan import scan

    if step == "scan":
        from weerbaar.warehouse.models import Alert

        Alert.objects.all().delete()  # the first scan of this warehouse
        for label in ("first", "again"):
            started = time.monotonic()
            result = scan()
            elapsed = time.monotonic() - started
            ran = sum(v["seconds"] for v in result["rules"].values())
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"scan ({label}) {elapsed:7.1f} s, peak {peak:6.0f} MiB: rules {ran:.1f} s ("
                + ", ".join(
                    f"{k} {v['hits']:,} in {v['seconds']} s" for k, v in result["rules"].items()
                )
                + f"); alerts stored in {elapsed - ran:.1f} s: new {result['new']:,}, "
                f"still open {result['open']:,}",
                flush=True,
            )
        return
    started = time.monotonic()
    importer = {"bag": services.import_bag, "brp": services.import_brp, "kvk": services.import_kvk}
    run = importer[step](path=Path(folder) / f"{step}.csv", fmt="csv")
    detail = (
        f"{run.status}, read {run.rows_read:,}, loaded {run.rows_loaded:,}, "
        f"rejected {run.rows_rejected:,} {run.error[:200]}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{step:<5} {time.monotonic() - started:7.1f} s, peak {peak:6.0f} MiB: {detail}", flush=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--addresses", type=int, default=10_000_000)
    parser.add_argument("--persons", type=int, default=18_000_000)
    parser.add_argument("--businesses", type=int, default=2_500_000)
    parser.add_argument("--memory", default="4GB", help="WAREHOUSE_MEMORY for the run")
    parser.add_argument(
        "--folder",
        help="keep the extract and the warehouse here, and reuse an extract already there",
    )
    parser.add_argument(
        "--steps",
        default=",".join(STEPS),
        help=f"which steps to run, comma-separated (default: {','.join(STEPS)})",
    )
    parser.add_argument(
        "--database-url",
        help="the application database holding the alerts (default: SQLite in the folder)",
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    steps = [s for s in args.steps.split(",") if s]
    if unknown := set(steps) - set(STEPS):
        parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
    if args.folder:
        Path(args.folder).mkdir(parents=True, exist_ok=True)
        run(Path(args.folder), args, steps)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(Path(tmp), args, steps)


def run(folder: Path, args, steps: list[str]) -> None:
    tmp = str(folder)
    if all((folder / f"{name}.csv").exists() for name in ("bag", "brp", "kvk")):
        print(f"reusing the extract in {folder}")
    else:
        started = time.monotonic()
        generate(folder, args.addresses, args.persons, args.businesses)
        size = sum(p.stat().st_size for p in folder.glob("*.csv")) / 2**30
        print(f"generated {size:.1f} GiB of CSV in {time.monotonic() - started:.0f} s")
    env = dict(
        os.environ,
        WEERBAAR_ENV="demo",
        DJANGO_SETTINGS_MODULE="weerbaar.settings",
        DATABASE_URL=args.database_url or f"sqlite:///{tmp}/app.sqlite3",
        WAREHOUSE_PATH=f"{tmp}/warehouse.duckdb",
        WAREHOUSE_MEMORY=args.memory,
        LOG_LEVEL="WARNING",
    )
    subprocess.run([sys.executable, "-m", "weerbaar", "migrate", "-v0"], check=True, env=env)
    total = time.monotonic()
    imports = [s for s in ("bag", "brp", "kvk") if s in steps]
    for step in imports:
        subprocess.run([sys.executable, __file__, "--child", step, tmp], check=True, env=env)
    if len(imports) == 3:
        print(f"all three imports: {time.monotonic() - total:.0f} s")
    for step in ("scan", "duckdb2", "pandas2"):
        if step in steps:
            subprocess.run([sys.executable, __file__, "--child", step, tmp], check=True, env=env)
    if {"duckdb2", "pandas2"} <= set(steps):
        duck = float(Path(tmp, "duckdb2.time").read_text())
        plain = float(Path(tmp, "pandas2.time").read_text())
        print(f"two rules, pandas / DuckDB: {plain / duck:.1f}x the time")


if __name__ == "__main__":
    main()
