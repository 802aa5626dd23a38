"""Subject search at benchmark size: latency and recall (issue: foundation benchmark).

Loads the demo municipality at the requested size into a database of its own (unless it is
already there), then runs 1,000 searches the way officers type them (typos, dropped or
garbled tussenvoegsels, "Surname, initials", streets with typos, postcodes) through the real
selector, and prints median and p95 server time and recall@10: how often the intended
subject is in the first ten results.

    python benchmarks/subject_search.py --persons 1000000 --database sqlite
    python benchmarks/subject_search.py --persons 1000000 --database postgres
"""

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def database_url(kind: str, persons: int) -> str:
    if kind == "sqlite":
        OUT.mkdir(exist_ok=True)
        return f"sqlite:///{OUT / f'search-{persons}.sqlite3'}"
    import psycopg

    name = f"weerbaar_bench_{persons}"
    with psycopg.connect(PG_ADMIN.replace("postgres://", "postgresql://"), autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            c.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def weerbaar(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "weerbaar", *args], check=True, env=os.environ)


def load(persons: int, seed: int) -> None:
    weerbaar("migrate", "-v0")
    import django

    django.setup()
    from weerbaar.subjects.models import Subject

    if Subject.objects.exists():
        print("data already loaded")
        return
    started = time.monotonic()
    weerbaar("demo-data", "--seed", str(seed), "--scale", str(persons / 2000), "--quiet-progress")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"generation: {time.monotonic() - started:.0f} s, generator peak RSS {peak:.0f} MiB")


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "replace", "insert"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    letter = rng.choice("aeiourstnl")
    return word[:i] + letter + word[i + (kind == "replace") :]


GARBLED = {"van der": "v.d.", "van den": "vd", "van de": "van der", "de": "d'"}


def _styled(person, style: str, rng: random.Random) -> tuple[str, str, str]:
    """(given, prefix, surname) as an officer might type them in ``style``."""
    given, prefix, surname = person.given_names, person.prefix, person.surname
    first, *rest = given.split() or [""]
    changes = {
        "typo_surname": lambda: (given, prefix, typo(surname, rng)),
        "typo_given": lambda: (" ".join([typo(first, rng), *rest]), prefix, surname),
        "two_typos": lambda: (" ".join([typo(first, rng), *rest]), prefix, typo(surname, rng)),
        "drop_prefix": lambda: (given, "", surname),
        "garble_prefix": lambda: (given, GARBLED.get(prefix, ""), surname),
        "initials": lambda: (".".join(person.initials) + ".", prefix, surname),
    }
    return changes[style]()


def person_query(person, rng: random.Random) -> tuple[str, str]:
    style = rng.choice(
        [
            "typo_surname",
            "typo_given",
            "two_typos",
            "drop_prefix",
            "garble_prefix",
            "reverse",
            "initials",
        ]
    )
    if style == "reverse":
        initials = ".".join(person.initials)
        return style, f"{person.surname}, {initials}. {person.prefix}".strip()
    query = " ".join(p for p in _styled(person, style, rng) if p)
    # Officers who know it add the birth date, as they would from a letter or a BRP extract.
    if rng.random() < 0.5 and person.birth_date:
        query += " " + person.birth_date.strftime("%d-%m-%Y")
        style += "+birth_date"
    return style, query


def address_query(address, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{typo(address.street, rng)} {address.house}"
    return f"{address.postcode[:4]} {address.postcode[4:]} {address.house}"


def namesakes(person, style: str) -> int:
    """Persons the query cannot tell apart from the intended one: same surname key and the
    same given names (or initials, when only those were typed), and birth date if given."""
    from weerbaar.subjects.models import Person

    same = Person.objects.filter(surname_key=person.surname_key)
    if style.startswith(("initials", "reverse")):
        same = same.filter(initials=person.initials)
    else:
        same = same.filter(given_names=person.given_names)
    if style.endswith("+birth_date"):
        same = same.filter(birth_date=person.birth_date)
    return same.count()


def _id_range(model) -> tuple[int, int]:
    ids = model.objects.order_by("subject_id").values_list("subject_id", flat=True)
    return ids.first(), ids.last()


def run(queries: int, seed: int) -> None:
    import django

    django.setup()
    from weerbaar.accounts.models import User
    from weerbaar.subjects.models import Address, Person
    from weerbaar.subjects.selectors import subject_search

    user = User.objects.get(username="regisseur")
    rng = random.Random(seed)
    person_ids = _id_range(Person)
    address_ids = _id_range(Address)
    cases = []
    while len(cases) < queries:
        if rng.random() < 0.8:
            p = Person.objects.filter(subject_id__gte=rng.randint(*person_ids)).first()
            style, query = person_query(p, rng)
            crowded = namesakes(p, style) > 10
            cases.append((f"name:{style}{' (ambiguous)' if crowded else ''}", query, p.subject_id))
        else:
            a = Address.objects.filter(subject_id__gte=rng.randint(*address_ids)).first()
            cases.append(("address", address_query(a, rng), a.subject_id))
    subject_search(user=user, query="warm up the vocabulary")
    results: dict[str, list] = {}
    misses = []
    for kind, query, wanted in cases:
        started = time.perf_counter()
        hits = subject_search(user=user, query=query, limit=10)
        elapsed = (time.perf_counter() - started) * 1000
        found = wanted in [h.subject.pk for h in hits]
        results.setdefault(kind, []).append((elapsed, found))
        if not found and len(misses) < 15 and "ambiguous" not in kind:
            misses.append(query)
    names = [r for k, rows in results.items() if k.startswith("name") for r in rows]
    clear = [
        r
        for k, rows in results.items()
        if k.startswith("name") and "ambiguous" not in k
        for r in rows
    ]
    every = names + results.get("address", [])
    groups = sorted(results.items()) + [
        ("name (all)", names),
        ("name (not ambiguous)", clear),
        ("all", every),
        ("all (not ambiguous)", clear + results.get("address", [])),
    ]
    for label, rows in groups:
        times = sorted(t for t, _f in rows)
        p95 = times[int(len(times) * 0.95) - 1]
        recall = sum(f for _t, f in rows) / len(rows)
        print(
            f"{label:<8} n={len(rows):>4}  median {statistics.median(times):6.1f} ms  "
            f"p95 {p95:6.1f} ms  recall@10 {recall:6.1%}"
        )
    print("misses that were not ambiguous (first 15):", *misses, sep="\n  ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--queries", type=int, default=1000)
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
    run(args.queries, args.seed)


if __name__ == "__main__":
    main()
