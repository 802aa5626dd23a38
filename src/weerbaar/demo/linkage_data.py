"""Generated persons in two sources with known duplicates and the variation Dutch records
really show: tussenvoegsels written apart, glued or dropped; initials for given names;
diacritics added or lost; typing errors; day and month swapped; a move to another postcode.
For measuring record linkage (tests, benchmarks); no real persons."""

import bisect
import random
from datetime import date, timedelta

from weerbaar.demo.names import given_names, surnames

ACCENTS = {"e": "é", "o": "ö", "i": "ï", "c": "ç", "u": "ü", "a": "á"}
PLAIN = {v: k for k, v in ACCENTS.items()}
COLUMNS = ["unique_id", "surname", "prefix", "given_names", "birth_date", "postcode"]


def person(rng: random.Random) -> dict:
    pairs, cumulative = surnames()
    prefix, surname = pairs[bisect.bisect(cumulative, rng.random() * cumulative[-1])]
    return {
        "surname": surname,
        "prefix": prefix,
        "given_names": given_names(rng),
        "birth_date": date(1930, 1, 1) + timedelta(days=rng.randint(0, 33000)),
        "postcode": f"{rng.randint(1000, 9999)}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
        f"{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}",
    }


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.choice(("swap", "drop", "replace", "double"))
    if kind == "swap":
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == "drop":
        return text[:i] + text[i + 1 :]
    if kind == "double":
        return text[:i] + text[i] + text[i:]
    return text[:i] + rng.choice("aeiouklmnrst") + text[i + 1 :]


def _accents(rng: random.Random, text: str) -> str:
    if any(ch in PLAIN for ch in text):
        return "".join(PLAIN.get(ch, ch) for ch in text)
    spots = [i for i, ch in enumerate(text) if ch in ACCENTS]
    if not spots:
        return text
    i = rng.choice(spots)
    return text[:i] + ACCENTS[text[i]] + text[i + 1 :]


def _prefix(rng: random.Random, p: dict) -> None:
    if not p["prefix"]:
        return
    style = rng.choice(("apart", "glued", "dropped"))
    if style == "apart":
        p["surname"] = f"{p['prefix']} {p['surname']}"
    elif style == "glued":
        p["surname"] = (p["prefix"] + p["surname"]).replace(" ", "").title()
    p["prefix"] = ""


def _swap(rng: random.Random, p: dict) -> None:
    d = p["birth_date"]
    if d.day <= 12 and d.day != d.month:
        p["birth_date"] = date(d.year, d.day, d.month)


CHANGES = {
    "prefix": _prefix,
    "initials": lambda rng, p: p.update(
        given_names="".join(f"{n[0]}." for n in p["given_names"].split())
    ),
    "accents": lambda rng, p: p.update(surname=_accents(rng, p["surname"])),
    "typo_surname": lambda rng, p: p.update(surname=_typo(rng, p["surname"])),
    "typo_given": lambda rng, p: p.update(given_names=_typo(rng, p["given_names"])),
    "swap": _swap,
    "move": lambda rng, p: p.update(postcode=f"{rng.randint(1000, 9999)}AA"),
}


def vary(rng: random.Random, person: dict) -> dict:
    """The same person as another source records them: one to three differences."""
    p = dict(person)
    for change in rng.sample(sorted(CHANGES), rng.choice((1, 1, 2, 2, 3))):
        CHANGES[change](rng, p)
    return p


def two_sources(n_left: int, n_right: int, shared: int, seed: int = 1):
    """Rows of two sources and the set of true (left id, right id) pairs: ``shared``
    persons appear in both, varied on the right; the rest appear once."""
    rng = random.Random(seed)
    left, right, truth = [], [], set()
    for i in range(n_left):
        someone = person(rng)
        left.append((f"L{i}", someone))
        if i < shared:
            right.append((f"R{i}", vary(rng, someone)))
            truth.add((f"L{i}", f"R{i}"))
    for j in range(shared, n_right):
        right.append((f"R{j}", person(rng)))
    rng.shuffle(right)
    rows = lambda side: [  # noqa: E731
        (uid, p["surname"], p["prefix"], p["given_names"], p["birth_date"], p["postcode"])
        for uid, p in side
    ]
    return rows(left), rows(right), truth
