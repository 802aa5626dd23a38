"""Cases and deadlines at benchmark size (issue #5).

On top of the demo municipality at ``--persons`` (see subject_search.py), generates
``--cases`` cases with an address each, and ``--interventions`` interventions spread over
them with realistic procedure dates (so deadlines in the past, this week and later), their
deadline rows computed by the application's own code, then measures server time through
Django's test client:

- the case list (filters, sorting, random pages) as the regisseur (sees all) and as a case
  officer (need-to-know through the team);
- the deadline overview (mine and my teams', this week, overdue, all open);
- decision letter generation, .docx and PDF.

    python benchmarks/cases_deadlines.py --persons 1000000 --cases 50000 --interventions 150000
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signals_lio import _timed, report  # noqa: E402
from subject_search import database_url, load  # noqa: E402


def generate(cases: int, interventions: int, seed: int) -> None:
    from django.db import transaction
    from django.db.models import prefetch_related_objects
    from django.utils import timezone

    from weerbaar.accounts.models import Team, User
    from weerbaar.cases.models import Case, CaseSubject, CaseType
    from weerbaar.interventions import deadlines as rules
    from weerbaar.interventions.models import Deadline, Instrument, Intervention
    from weerbaar.subjects.models import Address

    have = Case.objects.count()
    if have >= cases:
        print(f"{have:,} cases already there")
        return
    started = time.monotonic()
    rng = random.Random(f"bench-cases-{seed}")
    types = list(CaseType.objects.all())
    team = Team.objects.get(name="Handhaving")
    owners = list(User.objects.filter(username__in=["behandelaar", "toezichthouder", "regisseur"]))
    instruments = list(Instrument.objects.filter(is_decision=True))
    addresses = list(Address.objects.values_list("subject_id", flat=True)[:200000])
    today = timezone.localdate()
    rules.equated_days = lambda: frozenset()  # one fixed calendar for the whole load
    per_case = max(interventions // cases, 1)
    todo = cases - have
    for start in range(0, todo, 2000):
        with transaction.atomic():
            batch = [
                Case(
                    # Outside the yearly series the services hand out: a load, not a count.
                    reference=f"BENCH-C-{have + start + n + 1}",
                    case_type=rng.choice(types),
                    title=f"Casus {have + start + n}",
                    status="Onderzoek",
                    owner_team=team,
                    opened_on=today - timedelta(days=rng.randint(0, 2000)),
                    riec=rng.random() < 0.1,
                )
                for n in range(min(2000, todo - start))
            ]
            created = Case.objects.bulk_create(batch)
            CaseSubject.objects.bulk_create(
                [
                    CaseSubject(case=c, subject_id=rng.choice(addresses), role="location")
                    for c in created
                ]
            )
            items = []
            for case in created:
                for _ in range(per_case):
                    known = case.opened_on + timedelta(days=rng.randint(20, 200))
                    known = min(known, today - timedelta(days=rng.randint(0, 60)))
                    items.append(
                        Intervention(
                            case=case,
                            instrument=rng.choice(instruments),
                            owner=rng.choice(owners),
                            stage="made_known",
                            intention_sent_on=known - timedelta(days=30),
                            opinion_received_on=known - timedelta(days=12),
                            decision_on=known - timedelta(days=2),
                            made_known_on=known,
                        )
                    )
            created_items = Intervention.objects.bulk_create(items)
            prefetch_related_objects(created_items, "forfeitures", "instrument", "case")
            Deadline.objects.bulk_create(
                [
                    Deadline(
                        intervention=i,
                        kind=kind,
                        due_on=due,
                        done=done,
                        owner_id=i.owner_id,
                        team_id=team.pk,
                    )
                    for i in created_items
                    for kind, due, done, _f in rules.compute(i)
                ]
            )
        done_n = start + len(batch)
        sys.stderr.write(f"\r  cases [{'#' * (30 * done_n // todo):<30}] {done_n:>7,}/{todo:,}")
    sys.stderr.write("\n")
    print(
        f"generated {todo:,} cases, {Intervention.objects.count():,} interventions, "
        f"{Deadline.objects.count():,} deadlines in {time.monotonic() - started:.0f} s"
    )


def run(n: int, seed: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from weerbaar.accounts.models import User
    from weerbaar.cases.models import Case, CaseType
    from weerbaar.interventions.models import Intervention

    rng = random.Random(f"bench-cases-run-{seed}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"{Case.objects.count():,} cases, {Intervention.objects.count():,} interventions")
    types = list(CaseType.objects.values_list("pk", flat=True))
    clients = {}
    for name in ("regisseur", "behandelaar"):
        clients[name] = Client()
        clients[name].force_login(User.objects.get(username=name))

    def case_list(who):
        def call(_i):
            options = [
                {},
                {"state": "open"},
                {"case_type": rng.choice(types)},
                {"riec": "yes", "sort": "oldest"},
                {"q": f"Casus {rng.randint(1, 40000)}"},
                {"sort": "title"},
            ]
            query = rng.choice(options) | {"pagina": rng.choice([1, 1, 2, 10, 200])}
            response = clients[who].get(reverse("cases:list"), query)
            assert response.status_code == 200

        return call

    def overview(_i):
        query = {
            "scope": rng.choice(["mine", "team"]),
            "window": rng.choice(["week", "overdue", "all"]),
            "pagina": rng.choice([1, 1, 3]),
        }
        assert (
            clients["behandelaar"].get(reverse("interventions:overview"), query).status_code == 200
        )

    uuids = list(Case.objects.order_by("?").values_list("uuid", flat=True)[:n])

    def case_page(i):
        response = clients["behandelaar"].get(reverse("cases:detail", args=[uuids[i % len(uuids)]]))
        assert response.status_code == 200

    sample = list(Intervention.objects.filter(instrument__is_decision=True).order_by("?")[:50])

    def letter(fmt):
        def call(i):
            url = reverse(
                "interventions:letter", args=[sample[i % len(sample)].uuid, "besluit", fmt]
            )
            assert clients["regisseur"].get(url).status_code == 200

        return call

    case_list("regisseur")(0), overview(0), case_page(0), letter("pdf")(0)
    report("case list (regisseur, all cases)", _timed(case_list("regisseur"), n))
    report("case list (case officer, team)", _timed(case_list("behandelaar"), n))
    report("deadline overview", _timed(overview, n))
    report("case file page", _timed(case_page, n))
    for fmt in ("docx", "pdf"):
        times = _timed(letter(fmt), 30)
        print(
            f"letter generation ({fmt})           n=  30  median {statistics.median(times):6.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--interventions", type=int, default=150_000)
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
    generate(args.cases, args.interventions, args.seed)
    run(args.requests, args.seed)


if __name__ == "__main__":
    main()
