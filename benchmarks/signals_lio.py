"""Signals at benchmark size: inbox, signal page and full-text search (issue #4).

On top of the demo municipality at ``--persons`` (see subject_search.py), generates
``--signals`` signals with linked subjects, graded enrichment and an audit history of five
records each, then measures server time through Django's test client (routing, selectors,
need-to-know, templates; no network) as the regisseur:

- the inbox, filtered the ways officers filter (status, phenomenon, channel, assignment,
  area, period, most urgent first) on random pages;
- the signal page of random signals (subjects with their other signals, suggestions,
  enrichment, weighing, timeline);
- full-text search through the selector (Dutch stemming on PostgreSQL) and the search page.

    python benchmarks/signals_lio.py --persons 1000000 --signals 100000 --database postgres
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from subject_search import database_url, load  # noqa: E402

WORDS = (
    "hennepgeur busjes loods schuur kapsalon nagelstudio arbeiders woning woningen "
    "bedrijfsunit vaten afval nachtelijk verkeer contant geld dure auto's afgeplakte ramen "
    "stroomverbruik inschrijvingen kamerverhuur garagebox opslag belwinkel shishalounge "
    "autoverhuur bezoekers sleutels verbouwing camera's honden lawaai geur"
).split()
SENTENCES = [
    "Uit de schuur achter {a} komt een sterke hennepgeur en de ramen zijn afgeplakt.",
    "Bij de bedrijfsunit naast {a} staan 's nachts busjes en er ligt vaten-afval.",
    "De kapsalon op {a} heeft nooit klanten maar is elke dag open.",
    "Op {a} staan volgens mij meer dan tien mensen ingeschreven.",
    "Elke ochtend wordt een groep arbeiders opgehaald bij {a}.",
    "In de achterkamer van het café op {a} wordt om geld gespeeld.",
    "Het pand {a} is dit jaar drie keer verkocht, steeds voor meer geld.",
    "Er gebeurt iets vreemds rond {a}: steeds andere mensen met sleutels.",
]
STATUSES = (
    ["new"] * 30 + ["in_progress"] * 35 + ["for_lio"] * 5 + ["decided"] * 10 + ["closed"] * 20
)
QUERIES = [
    "hennepgeur",
    "busjes loods",
    "kapsalon",
    "woningen",
    "arbeiders opgehaald",
    "afgeplakte ramen",
    "shishalounge",
    "garagebox opslag",
    "verkocht",
    "sleutels",
    '"dure auto\'s"',
    "belwinkel contant",
]


def _batched(rows, size=5000):
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def generate(signals: int, seed: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from weerbaar.accounts.models import User
    from weerbaar.audit.models import AuditRecord
    from weerbaar.signals.models import Enrichment, Phenomenon, Signal, SignalSubject
    from weerbaar.subjects.models import Address, Person

    have = Signal.objects.count()
    if have >= signals:
        print(f"{have:,} signals already there")
        return
    started = time.monotonic()
    rng = random.Random(f"bench-signals-{seed}")
    phenomena = list(Phenomenon.objects.all())
    users = list(User.objects.filter(is_active=True))
    addresses = list(Address.objects.values_list("subject_id", "street", "house_number")[:50000])
    persons = list(Person.objects.values_list("subject_id", flat=True)[:200000])
    today = timezone.localdate()
    todo = signals - have
    for chunk_start in range(0, todo, 5000):
        batch = []
        for n in range(min(5000, todo - chunk_start)):
            subject_id, street, number = rng.choice(addresses)
            label = f"{street} {number}"
            text = " ".join(rng.choice(SENTENCES).format(a=label) for _ in range(2))
            text += " " + " ".join(rng.sample(WORDS, 4)) + "."
            batch.append(
                Signal(
                    # Outside the yearly series the services hand out: a load, not a count.
                    reference=f"BENCH-S-{have + chunk_start + n + 1}",
                    channel=rng.choice(["public", "internal", "partner", "mma"]),
                    status=rng.choice(STATUSES),
                    phenomenon=rng.choice(phenomena),
                    description=text,
                    location_text=label,
                    address_id=subject_id if rng.random() < 0.7 else None,
                    reported_on=today - timedelta(days=rng.randint(0, 1500)),
                    summary=text[:80] if rng.random() < 0.6 else "",
                    urgency=rng.choice(["low", "normal", "normal", "high", "urgent"]),
                    assigned_to=rng.choice(users) if rng.random() < 0.5 else None,
                )
            )
        with transaction.atomic():
            created = Signal.objects.bulk_create(batch)
            links, extra, audit = [], [], []
            for s in created:
                for pid in {rng.choice(persons) for _ in range(rng.randint(1, 3))}:
                    links.append(SignalSubject(signal=s, subject_id=pid, role="involved"))
                for _ in range(rng.randint(0, 3)):
                    extra.append(
                        Enrichment(
                            signal=s,
                            text=" ".join(rng.sample(WORDS, 8)),
                            source=rng.choice(["Politie", "Woningcorporatie", "Handhaving"]),
                            source_date=s.reported_on,
                            source_grade=rng.choice("ABCD"),
                            info_grade=rng.choice("1234"),
                            visibility=rng.choice(["internal", "lio"]),
                        )
                    )
                for action in (
                    "signals.created",
                    "signals.triaged",
                    "signals.enriched",
                    "signals.status_changed",
                    "signals.viewed",
                ):
                    # Benchmark data only: the rows are not chained (verify would say so).
                    audit.append(
                        AuditRecord(
                            created_at=timezone.now(),
                            action=action,
                            result="allowed",
                            object_type="signals.signal",
                            object_id=str(s.uuid),
                            prev_hash="0" * 64,
                            hash=uuid.uuid4().hex + uuid.uuid4().hex,
                        )
                    )
            SignalSubject.objects.bulk_create(links, ignore_conflicts=True)
            Enrichment.objects.bulk_create(extra)
            _insert_audit(audit)
        done = chunk_start + len(batch)
        sys.stderr.write(f"\r  signals [{'#' * (30 * done // todo):<30}] {done:>7,}/{todo:,}")
    sys.stderr.write("\n")
    print(f"generated {todo:,} signals in {time.monotonic() - started:.0f} s")


def _insert_audit(rows) -> None:
    from django.db.models import Max

    from weerbaar.audit.models import AuditChainHead, AuditRecord

    start = (AuditRecord.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    for offset, row in enumerate(rows):
        row.pk = start + offset
    AuditRecord.objects.bulk_create(rows)
    AuditChainHead.objects.update_or_create(
        pk=1, defaults={"last_id": start + len(rows) - 1, "last_hash": rows[-1].hash}
    )


def _timed(call, n: int) -> list[float]:
    times = []
    for i in range(n):
        started = time.perf_counter()
        call(i)
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    print(
        f"{label:<34} n={len(times):>4}  median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms"
    )


def run(n: int, seed: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from weerbaar.accounts.models import User
    from weerbaar.signals.models import Phenomenon, Signal
    from weerbaar.signals.selectors import signal_list

    rng = random.Random(f"bench-run-{seed}")
    user = User.objects.get(username="regisseur")
    client = Client()
    client.force_login(user)
    phenomena = list(Phenomenon.objects.values_list("pk", flat=True))
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load: statistics, and the visibility map that
        # lets counts per status be answered from the index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"{Signal.objects.count():,} signals on {connection.vendor}")

    def params():
        options = [
            {"status": rng.choice(["new", "in_progress", "for_lio", "decided", "closed"])},
            {"phenomenon": rng.choice(phenomena)},
            {"channel": rng.choice(["public", "partner", "mma"]), "sort": "urgency"},
            {"assigned": rng.choice(["me", "nobody"])},
            {"area": rng.choice(["1234", "Weerdam", "6981"])},
            {"date_from": "2026-01-01", "date_until": "2026-06-30", "status": "in_progress"},
            {},
        ]
        query = rng.choice(options)
        query["pagina"] = rng.choice([1, 1, 1, 2, 5, 40])
        return query

    def inbox(_i):
        response = client.get(reverse("signals:list"), params())
        assert response.status_code == 200, response.status_code

    uuids = list(Signal.objects.order_by("?").values_list("uuid", flat=True)[:n])

    def detail(i):
        response = client.get(reverse("signals:detail", args=[uuids[i % len(uuids)]]))
        assert response.status_code == 200

    def fulltext(i):
        list(signal_list(user=user, q=QUERIES[i % len(QUERIES)])[:50])

    def search_page(i):
        response = client.post(reverse("signals:search"), {"q": QUERIES[i % len(QUERIES)]})
        assert response.status_code == 200

    inbox(0), detail(0), fulltext(0)  # warm up
    report("inbox page (filtered, paged)", _timed(inbox, n))
    report("signal page", _timed(detail, n))
    report("full-text search (selector, 50)", _timed(fulltext, n))
    report("search page (signals + subjects)", _timed(search_page, max(n // 4, 12)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--requests", type=int, default=300)
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
    generate(args.signals, args.seed)
    run(args.requests, args.seed)


if __name__ == "__main__":
    main()
