"""The yearly report and the mayor's overview at benchmark size (issue #16).

On top of the demo municipality at ``--persons`` (see subject_search.py), with ``--signals``
signals (signals_lio.py) and ``--cases`` cases with ``--interventions`` measures
(cases_deadlines.py), measures server time and the number of queries of

- the yearly report over four years (every table, with the counts the reader may see for
  small-number suppression), as the regisseur and as the mayor;
- the mayor's overview, as the same two;

and, as the peer, what an analyst would write instead: the report's two biggest tables (cases
per reporting category per year, signals per phenomenon per year) as one bare SQL GROUP BY
each, without need-to-know, timed in the same run; the ratio is ours over the peer.

    python benchmarks/reporting.py --persons 100000 --signals 100000 --cases 50000
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases_deadlines import generate as generate_cases  # noqa: E402
from signals_lio import _timed, report  # noqa: E402
from signals_lio import generate as generate_signals
from subject_search import database_url, load  # noqa: E402

PEER_CASES = """
SELECT ct.reporting_category, {year}(c.opened_on) AS y, COUNT(*)
FROM cases_case c JOIN cases_casetype ct ON ct.id = c.case_type_id
WHERE {year}(c.opened_on) BETWEEN %s AND %s GROUP BY 1, 2
"""
PEER_SIGNALS = """
SELECT p.name, {year}(s.reported_on) AS y, COUNT(*)
FROM signals_signal s LEFT JOIN signals_phenomenon p ON p.id = s.phenomenon_id
WHERE s.merged_into_id IS NULL AND {year}(s.reported_on) BETWEEN %s AND %s GROUP BY 1, 2
"""


def _year_sql(vendor: str) -> str:
    if vendor == "postgresql":
        return "EXTRACT(YEAR FROM {})"
    return "CAST(strftime('%%Y', {}) AS INTEGER)"


def _counting(queries: list[str]):
    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def run(n: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from weerbaar.accounts.models import User
    from weerbaar.cases.models import Case
    from weerbaar.signals.models import Signal

    this = timezone.localdate().year
    span = {"van": this - 3, "tot": this}
    print(f"{Signal.objects.count():,} signals, {Case.objects.count():,} cases")
    pages = {
        "yearly report": reverse("reporting:report"),
        "overview": reverse("reporting:overview"),
    }
    ours = {}
    for username in ("regisseur", "burgemeester"):
        client = Client()
        client.force_login(User.objects.get(username=username))
        for label, url in pages.items():
            params = span if label == "yearly report" else {}
            client.get(url, params)  # warm
            queries: list[str] = []
            with connection.execute_wrapper(_counting(queries)):
                assert client.get(url, params).status_code == 200
            times = _timed(lambda _i, c=client, u=url, p=params: c.get(u, p), n)
            report(f"{label}, {username} ({len(queries)} queries)", times)
            ours[(label, username)] = sorted(times)[len(times) // 2]
    year = _year_sql(connection.vendor)
    statements = [
        PEER_CASES.replace("{year}(c.opened_on)", year.format("c.opened_on")),
        PEER_SIGNALS.replace("{year}(s.reported_on)", year.format("s.reported_on")),
    ]

    def peer(_i):
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql, [this - 3, this])
                cursor.fetchall()

    times = _timed(peer, n)
    report("peer: two bare GROUP BY queries", times)
    peer_median = sorted(times)[len(times) // 2]
    for (label, username), median in ours.items():
        print(f"ratio {label}, {username}: {median / peer_median:.1f}x the peer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--interventions", type=int, default=50_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.environ.update(
        WEERBAAR_ENV="demo",
        DEBUG="false",
        DJANGO_SETTINGS_MODULE="weerbaar.settings",
        DATABASE_URL=database_url(args.database, args.persons),
        LOG_LEVEL="WARNING",
    )
    load(args.persons, args.seed)
    generate_signals(args.signals, args.seed)
    generate_cases(args.cases, args.interventions, args.seed)
    run(args.requests)


if __name__ == "__main__":
    main()
