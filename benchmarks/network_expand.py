"""Expanding a node of the network at municipality scale (issue #18): ``--persons`` persons
with ``--relations`` relations each on average (counted at both ends), a tenth of them
recorded by one team, on a fresh PostgreSQL database (``weerbaar_bench_network``) or SQLite
file (``out/network.sqlite3``). The network reads only the subject rows (kind, name, owner)
and the relations, so the persons get no detail rows here.

Then, in the same run, ``--expansions`` expansions of random persons:

- the peer: the same neighbourhood as bare SQL (the relations touching the node with both
  ends' names, no need-to-know), what a DBA would write for an i2-style expand;
- ours, as the regisseur (who sees every subject) and as a staff member who sees only the
  subjects of their team: ``network.selectors.expand`` with need-to-know, the JSON built.

Prints median and p95 per principal, the ratio to the peer and the target (p95 < 100 ms).

    python benchmarks/network_expand.py --persons 1000000 --database postgres
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from subject_search import OUT, PG_ADMIN, weerbaar  # noqa: E402

BATCH = 20_000


def database_url(kind: str, reuse: bool) -> str:
    if kind == "sqlite":
        OUT.mkdir(exist_ok=True)
        path = OUT / "network.sqlite3"
        if not reuse:
            path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    with psycopg.connect(PG_ADMIN.replace("postgres://", "postgresql://"), autocommit=True) as c:
        exists = c.execute("SELECT 1 FROM pg_database WHERE datname = 'weerbaar_bench_network'")
        if not (reuse and exists.fetchone()):
            c.execute('DROP DATABASE IF EXISTS "weerbaar_bench_network"')
            c.execute('CREATE DATABASE "weerbaar_bench_network"')
    return "postgres://postgres@127.0.0.1:5432/weerbaar_bench_network"


def generate(persons: int, per_person: float, seed: int):
    from weerbaar.accounts.models import Team
    from weerbaar.subjects.models import Relation, Subject

    rng = random.Random(seed)
    team = Team.objects.create(name="Wijkteam")
    started = time.monotonic()
    for start in range(0, persons, BATCH):
        Subject.objects.bulk_create(
            [
                Subject(
                    uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    kind="person",
                    label=f"Persoon {n}",
                    owner_team=team if n % 10 == 0 else None,
                    source="bench",
                )
                for n in range(start, min(start + BATCH, persons))
            ]
        )
    low, high = _ids(Subject)
    # Each relation has two ends: persons * per_person / 2 relations give the average.
    total = int(persons * per_person / 2)
    for start in range(0, total, BATCH):
        rows = []
        for _n in range(start, min(start + BATCH, total)):
            a = rng.randint(low, high)
            b = rng.randint(low, high)
            if a != b:
                rows.append(
                    Relation(
                        uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                        kind="family_of",
                        from_subject_id=a,
                        to_subject_id=b,
                        source="bench",
                    )
                )
        Relation.objects.bulk_create(rows)
    print(
        f"generated {persons:,} persons and {total:,} relations in {time.monotonic() - started:.0f} s"
    )
    return team


def _ids(model) -> tuple[int, int]:
    from django.db.models import Max, Min

    found = model.objects.aggregate(low=Min("pk"), high=Max("pk"))
    return found["low"], found["high"]


PEER = (
    "SELECT r.uuid, r.kind, a.uuid, a.label, b.uuid, b.label FROM subjects_relation r "
    "JOIN subjects_subject a ON a.id = r.from_subject_id "
    "JOIN subjects_subject b ON b.id = r.to_subject_id "
    "WHERE r.from_subject_id = %s OR r.to_subject_id = %s"
)


def _p95(times: list[float]) -> float:
    return sorted(times)[max(0, int(len(times) * 0.95) - 1)]


def run(expansions: int, seed: int, team) -> None:
    from django.db import connection
    from tests.factories import UserFactory

    from weerbaar.network import selectors
    from weerbaar.subjects.models import Subject

    rng = random.Random(seed + 1)
    run_id = uuid.uuid4().hex[:6]
    regisseur = UserFactory(username=f"bench-regisseur-{run_id}", roles=["regisseur"])
    staff = UserFactory(username=f"bench-medewerker-{run_id}", roles=["medewerker"], teams=[team])
    low, high = _ids(Subject)
    everyone = [rng.randint(low, high) for _ in range(expansions)]
    own = list(
        Subject.objects.filter(owner_team=team)
        .order_by("?")
        .values_list("pk", flat=True)[:expansions]
    )
    subjects = {s.pk: s for s in Subject.objects.filter(pk__in=everyone + own)}
    figures = {}
    with connection.cursor() as cursor:
        times = []
        for pk in everyone:
            began = time.perf_counter()
            cursor.execute(PEER, [pk, pk])
            cursor.fetchall()
            times.append(time.perf_counter() - began)
        figures["peer (bare SQL, no need-to-know)"] = times
    for name, user, picks in (
        ("ours, regisseur", regisseur, everyone),
        ("ours, staff member of one team", staff, own),
    ):
        times, edges = [], 0
        for pk in picks:
            began = time.perf_counter()
            graph = selectors.expand(
                user=user,
                graph=selectors.Graph(),
                subjects=[subjects[pk]],
                filters=selectors.Filters(),
            )
            graph.as_json()
            times.append(time.perf_counter() - began)
            edges += len(graph.edges)
        figures[name] = times
        print(f"{name}: {edges / len(picks):.1f} relations per expansion on average")
    peer = _p95(figures["peer (bare SQL, no need-to-know)"])
    print(f"\n{'':34} {'median ms':>10} {'p95 ms':>8} {'p95 ratio':>10}")
    for name, times in figures.items():
        p95 = _p95(times)
        print(
            f"{name:34} {statistics.median(times) * 1000:10.2f} {p95 * 1000:8.2f} {p95 / peer:10.1f}"
        )
    print("target: p95 < 100 ms with need-to-know")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--relations", type=float, default=3.0)
    parser.add_argument("--expansions", type=int, default=500)
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="keep the data of the last run")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = database_url(args.database, args.reuse)
    os.environ.setdefault("WEERBAAR_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    weerbaar("migrate", "-v0")
    import django

    django.setup()
    import subprocess

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    print(f"commit {commit.stdout.strip()}, {args.database}")
    from weerbaar.accounts.models import Team

    team = Team.objects.filter(name="Wijkteam").first() if args.reuse else None
    team = team or generate(args.persons, args.relations, args.seed)
    run(args.expansions, args.seed, team)


if __name__ == "__main__":
    main()
