"""The FG's weekly report of unusual access over a busy week of the audit trail (issue #17).

A fresh database (``--database sqlite`` or ``postgres``) gets ``--users`` users in
``--teams`` teams, ``--files`` signals spread over the teams, and a week of
``--reads`` reads of those signals by those users (office hours mostly), with a few planted
patterns: one user reading many files of other teams, one reading at night, one probing
with refusals. Then, in the same run:

- the peer: what a DBA would write instead, four bare SQL GROUP BY queries over the same
  week (files of other teams per user, reads per user and night, refusals per user and hour),
  without the sliding hour and without names;
- ours: ``privacy.unusual.unusual_access`` for the week: time, peak Python memory
  (tracemalloc) and the findings, which must name the planted users.

    python benchmarks/unusual_access.py --reads 200000 --database postgres
"""

import argparse
import os
import random
import sys
import time
import tracemalloc
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from subject_search import OUT, PG_ADMIN, weerbaar  # noqa: E402

MONDAY = date(2026, 11, 23)


def database_url(kind: str) -> str:
    if kind == "sqlite":
        OUT.mkdir(exist_ok=True)
        path = OUT / "unusual.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    with psycopg.connect(PG_ADMIN.replace("postgres://", "postgresql://"), autocommit=True) as c:
        c.execute('DROP DATABASE IF EXISTS "weerbaar_bench_unusual"')
        c.execute('CREATE DATABASE "weerbaar_bench_unusual"')
    return "postgres://postgres@127.0.0.1:5432/weerbaar_bench_unusual"


def generate(users: int, teams: int, files: int, reads: int, seed: int) -> dict:
    from django.utils import timezone

    from weerbaar.accounts.models import Team, TeamMembership, User
    from weerbaar.audit.models import AuditRecord
    from weerbaar.signals.models import Signal

    rng = random.Random(seed)
    zone = timezone.get_current_timezone()
    team_rows = Team.objects.bulk_create([Team(name=f"Team {n}") for n in range(teams)])
    user_rows = User.objects.bulk_create(
        [User(username=f"user{n}", last_name=f"Achternaam{n}") for n in range(users)]
    )
    TeamMembership.objects.bulk_create(
        [TeamMembership(user=u, team=team_rows[n % teams]) for n, u in enumerate(user_rows)]
    )
    signals = Signal.objects.bulk_create(
        [
            Signal(
                reference=f"S-2026-{n:06d}",
                channel="internal",
                description="x",
                reported_on=MONDAY,
                owner_team=team_rows[n % teams],
            )
            for n in range(files)
        ]
    )
    by_team = {t.pk: [s for s in signals if s.owner_team_id == t.pk] for t in team_rows}
    outsider, owl, prober = user_rows[0], user_rows[1], user_rows[2]
    rows = []

    def read(user, signal, moment, result="allowed", action="signals.viewed"):
        rows.append(
            AuditRecord(
                created_at=moment,
                actor_id=user.pk,
                actor_username=user.username,
                action=action,
                result=result,
                object_type="signals.signal" if signal else "",
                object_id=str(signal.uuid) if signal else "",
                prev_hash=uuid.uuid4().hex,
                hash=uuid.uuid4().hex + uuid.uuid4().hex,
            )
        )

    for _ in range(reads):
        user = rng.choice(user_rows[3:])
        own = by_team[team_rows[user_rows.index(user) % teams].pk]
        day = MONDAY + timedelta(days=rng.randrange(5))
        moment = datetime(
            day.year, day.month, day.day, rng.randint(8, 17), rng.randrange(60), tzinfo=zone
        )
        read(user, rng.choice(own), moment)
    others = [s for s in signals if s.owner_team_id != team_rows[0].pk]
    for n, signal in enumerate(rng.sample(others, 60)):
        read(outsider, signal, datetime(2026, 11, 24, 10, n % 60, tzinfo=zone))
    for n in range(40):
        read(owl, rng.choice(signals), datetime(2026, 11, 25, 23, n, tzinfo=zone))
    for n in range(15):
        moment = datetime(2026, 11, 26, 14, n * 3, tzinfo=zone)
        read(prober, None, moment, result="denied", action="access.denied")
    started = time.monotonic()
    AuditRecord.objects.bulk_create(rows, batch_size=5000)
    print(f"generated {len(rows):,} audit rows in {time.monotonic() - started:.0f} s")
    return {"outside_team": outsider.username, "night": owl.username, "refusals": prober.username}


PEER = {
    "outside_team": """
        SELECT a.actor_id, COUNT(DISTINCT a.object_id) FROM audit_auditrecord a
        JOIN signals_signal s ON s.uuid = a.object_id_uuid
        WHERE a.created_at >= %s AND a.created_at < %s AND a.action LIKE '%%viewed'
          AND s.owner_team_id NOT IN (
            SELECT team_id FROM accounts_teammembership m WHERE m.user_id = a.actor_id)
        GROUP BY a.actor_id HAVING COUNT(DISTINCT a.object_id) >= 25""",
    "night": """
        SELECT actor_id, {day}, COUNT(*) FROM audit_auditrecord
        WHERE created_at >= %s AND created_at < %s AND action LIKE '%%viewed'
          AND ({hour} >= 22 OR {hour} < 6)
        GROUP BY actor_id, {day} HAVING COUNT(*) >= 20""",
    "refusals": """
        SELECT actor_id, {day}, {hour}, COUNT(*) FROM audit_auditrecord
        WHERE created_at >= %s AND created_at < %s AND result = 'denied'
        GROUP BY actor_id, {day}, {hour} HAVING COUNT(*) >= 10""",
}


def peer(since, until) -> float:
    from django.db import connection

    vendor = connection.vendor
    hour = (
        "CAST(strftime('%%H', created_at) AS INTEGER)"
        if vendor == "sqlite"
        else "EXTRACT(HOUR FROM created_at)"
    )
    day = "date(created_at)" if vendor == "sqlite" else "CAST(created_at AS date)"
    uuid_of = (
        "s.uuid = replace(a.object_id, '-', '')"
        if vendor == "sqlite"
        else "s.uuid::text = a.object_id"
    )
    started = time.monotonic()
    with connection.cursor() as cursor:
        for sql in PEER.values():
            sql = sql.replace("s.uuid = a.object_id_uuid", uuid_of).format(hour=hour, day=day)
            cursor.execute(sql, [since, until])
            cursor.fetchall()
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--teams", type=int, default=12)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--reads", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.environ.update(
        WEERBAAR_ENV="demo",
        DEBUG="false",
        DJANGO_SETTINGS_MODULE="weerbaar.settings",
        DATABASE_URL=database_url(args.database),
        LOG_LEVEL="WARNING",
    )
    weerbaar("migrate", "-v0")
    import django

    django.setup()
    from django.utils import timezone

    from weerbaar.privacy.unusual import unusual_access

    planted = generate(args.users, args.teams, args.files, args.reads, args.seed)
    zone = timezone.get_current_timezone()
    since = datetime(MONDAY.year, MONDAY.month, MONDAY.day, tzinfo=zone)
    until = since + timedelta(days=7)
    peer_seconds = sorted(peer(since, until) for _ in range(3))[1]
    times = []
    for _ in range(3):
        started = time.monotonic()
        report = unusual_access(MONDAY, MONDAY + timedelta(days=6))
        times.append(time.monotonic() - started)
    ours = sorted(times)[1]
    # Memory apart: tracemalloc slows every allocation, so it is not on during the timing.
    tracemalloc.start()
    unusual_access(MONDAY, MONDAY + timedelta(days=6))
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    found = {(f.kind, f.username) for f in report.findings}
    for kind, username in planted.items():
        assert (kind, username) in found, (kind, username, found)
    print(f"database: {args.database}, reads: {args.reads:,}, findings: {len(report.findings)}")
    print(f"{'median of 3':24}{'seconds':>10}")
    print(f"{'peer (bare SQL)':24}{peer_seconds:>10.2f}")
    print(f"{'ours (unusual_access)':24}{ours:>10.2f}   ratio {ours / peer_seconds:.1f}x")
    print(f"peak Python memory: {peak:.0f} MiB; the planted users are all found")


if __name__ == "__main__":
    main()
