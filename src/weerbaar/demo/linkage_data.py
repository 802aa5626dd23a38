"""Generated persons in two sources with known duplicates and the variation Dutch records
really show: tussenvoegsels written apart, glued, abbreviated or dropped; initials for given
names; diacritics added or lost; typing errors in names and streets; day and month swapped; a
move to another address; an address not known to one source. Persons live in households,
so the same address and surname often belong to different people. For measuring record
linkage (tests, benchmarks); no real persons."""

import bisect
import random
from datetime import date, timedelta

from faker.providers.address.nl_NL import Provider as AddressProvider
from faker.providers.person.nl_NL import Provider as PersonProvider

from weerbaar.demo.names import given_names, surnames

ACCENTS = {"e": "é", "o": "ö", "i": "ï", "c": "ç", "u": "ü", "a": "á"}
PLAIN = {v: k for k, v in ACCENTS.items()}
ADDRESS = ("street", "house_number", "postcode", "place")
COLUMNS = ["unique_id", "surname", "prefix", "given_names", "birth_date", *ADDRESS]
LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"


def address(rng: random.Random, place: str | None = None) -> dict:
    """A Dutch address: a street named like real ones, a number, a postcode, a place."""
    name = rng.choice(PersonProvider.last_names).split()[-1]
    return {
        "street": f"{name}{rng.choice(AddressProvider.street_suffixes)}",
        "house_number": rng.randint(1, 240),
        "postcode": f"{rng.randint(1000, 9999)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}",
        "place": place or rng.choice(AddressProvider.cities),
    }


def person(rng: random.Random, home: dict | None = None) -> dict:
    """Someone new; at ``home`` when given (a household: the same address, and mostly the
    same surname as the one they live with)."""
    pairs, cumulative = surnames()
    prefix, surname = pairs[bisect.bisect(cumulative, rng.random() * cumulative[-1])]
    if home and rng.random() < 0.7:
        prefix, surname = home["prefix"], home["surname"]
    where = {k: home[k] for k in ADDRESS} if home else address(rng)
    return {
        "surname": surname,
        "prefix": prefix,
        "given_names": given_names(rng),
        "birth_date": date(1930, 1, 1) + timedelta(days=rng.randint(0, 33000)),
        **where,
    }


def _typo(rng: random.Random, text: str | None) -> str | None:
    if not text or len(text) < 4:
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
    style = rng.choice(("apart", "glued", "abbreviated", "dropped"))
    if style == "apart":
        p["surname"] = f"{p['prefix']} {p['surname']}"
    elif style == "glued":
        p["surname"] = (p["prefix"] + p["surname"]).replace(" ", "").title()
    elif style == "abbreviated":
        # "van der Berg" as "v.d. Berg"
        p["surname"] = "".join(f"{w[0]}." for w in p["prefix"].split()) + f" {p['surname']}"
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
    "move": lambda rng, p: p.update(address(rng, p["place"] if rng.random() < 0.5 else None)),
    "typo_street": lambda rng, p: p.update(street=_typo(rng, p["street"])),
    "no_address": lambda rng, p: p.update(dict.fromkeys(ADDRESS)),
}


def vary(rng: random.Random, person: dict) -> dict:
    """The same person as another source records them: one to three differences."""
    p = dict(person)
    for change in rng.sample(sorted(CHANGES), rng.choice((1, 1, 2, 2, 3))):
        CHANGES[change](rng, p)
    return p


def _someone(rng: random.Random, last: dict | None) -> dict:
    # two in five live with the one generated before them
    return person(rng, last if last and rng.random() < 0.4 else None)


def two_sources(n_left: int, n_right: int, shared: int, seed: int = 1):
    """Rows of two sources (``COLUMNS``) and the set of true (left id, right id) pairs:
    ``shared`` persons appear in both, varied on the right; the rest appear once."""
    rng = random.Random(seed)
    left, right, truth, last = [], [], set(), None
    for i in range(n_left):
        last = _someone(rng, last)
        left.append((f"L{i}", last))
        if i < shared:
            right.append((f"R{i}", vary(rng, last)))
            truth.add((f"L{i}", f"R{i}"))
    for j in range(shared, n_right):
        last = _someone(rng, last)
        right.append((f"R{j}", last))
    rng.shuffle(right)
    rows = lambda side: [  # noqa: E731
        (uid, p["surname"], p["prefix"], p["given_names"], p["birth_date"],
         *(p[k] for k in ADDRESS))
        for uid, p in side
    ]  # fmt: skip
    return rows(left), rows(right), truth
