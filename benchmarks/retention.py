"""The retention job at benchmark size with a year of expiries (issue #17).

On top of the demo municipality at ``--persons`` (see subject_search.py), with ``--signals``
signals (signals_lio.py) and ``--cases`` cases with ``--interventions`` measures
(cases_deadlines.py), a share of them is made due: ``--quiet`` of the signals closed without
action, their keep-until dates spread over the past year, and ``--closed`` of the cases closed
long enough ago, their measures finished. Then, in the same run:

- the peer: what a DBA would write instead, bare SQL that deletes the same due signals and
  cases with every row that hangs off them (children first, nullable links emptied), inside a
  transaction that is rolled back;
- our dry run (the job rolled back, with labels), and our job for real: time, peak Python
  memory (tracemalloc) and the process's peak resident memory.

The ratio is ours over the peer. Ours does more: every other kind, the register, an audit
record per batch, files and the search index.

    python benchmarks/retention.py --persons 100000 --signals 100000 --cases 50000
"""

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases_deadlines import generate as generate_cases  # noqa: E402
from signals_lio import generate as generate_signals  # noqa: E402
from subject_search import OUT, PG_ADMIN, load  # noqa: E402


def database_url(kind: str, persons: int, *, base: bool) -> str:
    """The generated municipality lives in a base database; each run works on a fresh copy
    of it, since the job removes what was made due."""
    name = f"retention-{'base-' if base else ''}{persons}"
    if kind == "sqlite":
        OUT.mkdir(exist_ok=True)
        if not base:
            shutil.copyfile(OUT / f"retention-base-{persons}.sqlite3", OUT / f"{name}.sqlite3")
        return f"sqlite:///{OUT / f'{name}.sqlite3'}"
    import psycopg

    name = "weerbaar_bench_" + name.replace("-", "_")
    source = f"weerbaar_bench_retention_base_{persons}"
    with psycopg.connect(PG_ADMIN.replace("postgres://", "postgresql://"), autocommit=True) as c:
        if not base:
            c.execute(f'DROP DATABASE IF EXISTS "{name}"')
            c.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        elif not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            c.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def make_due(quiet: float, closed: float, seed: int) -> tuple[int, int]:
    """Close a share of the signals without action and of the cases long ago."""
    from django.db import transaction
    from django.utils import timezone

    from weerbaar.cases.models import Case
    from weerbaar.interventions.models import Intervention
    from weerbaar.signals.models import Signal

    rng = random.Random(f"bench-retention-{seed}")
    today = timezone.localdate()
    signal_ids = list(Signal.objects.filter(led_to_case=False).values_list("pk", flat=True))
    case_ids = list(Case.objects.values_list("pk", flat=True))
    quiet_ids = rng.sample(signal_ids, int(len(signal_ids) * quiet))
    closed_ids = rng.sample(case_ids, int(len(case_ids) * closed))
    with transaction.atomic():
        for chunk in range(0, len(quiet_ids), 2000):
            for pk in quiet_ids[chunk : chunk + 2000]:
                keep = today - timedelta(days=rng.randint(1, 365))
                Signal.objects.filter(pk=pk).update(
                    status="closed", retain_until=keep, closed_on=keep - timedelta(days=365)
                )
        long_ago = today - timedelta(days=11 * 365)
        Case.objects.filter(pk__in=closed_ids).update(closed_on=long_ago, result="Afgerond")
        Intervention.objects.filter(case__in=closed_ids).update(
            finished_on=long_ago, result="executed"
        )
    return len(quiet_ids), len(closed_ids)


def _children_first(model, where: str, statements: list[str], seen: tuple = ()) -> None:
    """SQL that deletes the rows of ``model`` matching ``where`` (a ``pk IN (...)``
    subquery) after everything pointing at them; nullable links are emptied instead."""
    from django.db import models

    table, pk = model._meta.db_table, model._meta.pk.column
    for field in model._meta.many_to_many:
        through = field.remote_field.through._meta
        column = through.get_field(field.m2m_field_name()).column
        statements.append(f"DELETE FROM {through.db_table} WHERE {column} IN ({where})")
    for rel in model._meta.related_objects:
        if rel.many_to_many:
            through = rel.through._meta
            column = through.get_field(rel.field.m2m_reverse_field_name()).column
            statements.append(f"DELETE FROM {through.db_table} WHERE {column} IN ({where})")
            continue
        child, column = rel.related_model, rel.field.column
        if child in seen or child._meta.proxy:
            continue
        sub = f"SELECT {child._meta.pk.column} FROM {child._meta.db_table} WHERE {column} IN ({where})"
        if rel.field.null and rel.on_delete is not models.CASCADE:
            statements.append(
                f"UPDATE {child._meta.db_table} SET {column} = NULL WHERE {column} IN ({where})"
            )
            continue
        _children_first(child, sub, statements, (*seen, model))
    statements.append(f"DELETE FROM {table} WHERE {pk} IN ({where})")


def peer(today) -> tuple[float, int, int]:
    from django.db import connection, transaction

    from weerbaar.cases.models import Case
    from weerbaar.interventions.models import Intervention
    from weerbaar.signals.models import Signal

    due_signals = (
        "SELECT id FROM signals_signal WHERE status = 'closed' AND NOT led_to_case "
        f"AND merged_into_id IS NULL AND retain_until < '{today.isoformat()}'"
    )
    due_cases = f"SELECT id FROM cases_case WHERE closed_on < '{(today - timedelta(days=10 * 366)).isoformat()}'"
    statements: list[str] = []
    _children_first(
        Intervention,
        f"SELECT id FROM interventions_intervention WHERE case_id IN ({due_cases})",
        statements,
    )
    _children_first(Case, due_cases, statements)
    _children_first(Signal, due_signals, statements)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({due_signals}) d")
        n_signals = cursor.fetchone()[0]
        cursor.execute(f"SELECT COUNT(*) FROM ({due_cases}) d")
        n_cases = cursor.fetchone()[0]
    started = time.perf_counter()
    with transaction.atomic():
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    return elapsed, n_signals, n_cases


def _measured(call):
    tracemalloc.start()
    started = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak


def run() -> None:
    from django.db import connection
    from django.utils import timezone

    from weerbaar.cases.models import Case
    from weerbaar.privacy.services import retention_plan, retention_run
    from weerbaar.signals.models import Signal

    today = timezone.localdate()
    print(
        f"{Signal.objects.count():,} signals, {Case.objects.count():,} cases ({connection.vendor})"
    )
    peer_s, n_signals, n_cases = peer(today)
    print(f"due: {n_signals:,} signals closed without action, {n_cases:,} closed cases")
    print(f"peer: bare SQL delete of those, children first        {peer_s:8.1f} s")
    plan, dry_s, dry_peak = _measured(lambda: retention_plan(actor=None, limit=200))
    print(
        f"ours: dry run (the job rolled back)                   {dry_s:8.1f} s, "
        f"peak Python memory {dry_peak / 2**20:,.0f} MiB"
    )
    run_, job_s, job_peak = _measured(retention_run)
    print(
        f"ours: the job                                         {job_s:8.1f} s, "
        f"peak Python memory {job_peak / 2**20:,.0f} MiB"
    )
    print(
        f"process peak resident memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10:,.0f} MiB"
    )
    for tombstone in run_.deletions.order_by("id"):
        print(f"  {tombstone.kind:<20} {tombstone.count:>8,}")
    planned = {p.kind.code: p.count for p in plan}
    went = dict(run_.deletions.values_list("kind", "count"))
    print("dry run = job:", planned == {k: went.get(k, 0) for k in planned})
    print(f"ratio: the job is {job_s / peer_s:.1f}x the peer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--interventions", type=int, default=50_000)
    parser.add_argument("--quiet", type=float, default=0.2, help="share of signals due")
    parser.add_argument("--closed", type=float, default=0.1, help="share of cases due")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    settings = {
        "WEERBAAR_ENV": "demo",
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "weerbaar.settings",
        "LOG_LEVEL": "WARNING",
    }
    # Generate (once) in the base database, in a process of its own; then run on a copy.
    base = database_url(args.database, args.persons, base=True)
    generator = [sys.executable, __file__, "--generate-only", *sys.argv[1:]]
    if not args.generate_only:
        subprocess.run(generator, check=True, env={**os.environ, **settings, "DATABASE_URL": base})
        os.environ.update(
            settings, DATABASE_URL=database_url(args.database, args.persons, base=False)
        )
        import django

        django.setup()
        signals, cases = make_due(args.quiet, args.closed, args.seed)
        print(f"made due: {signals:,} signals, {cases:,} cases")
        run()
        return
    load(args.persons, args.seed)
    generate_signals(args.signals, args.seed)
    generate_cases(args.cases, args.interventions, args.seed)


if __name__ == "__main__":
    main()
