"""Name material for the synthetic population: real frequencies, no real persons."""

import csv
import itertools
import random
from functools import lru_cache
from pathlib import Path

from faker.providers.person.nl_NL import Provider as PersonProvider

_SURNAMES = Path(__file__).parent / "data" / "achternamen-top1000.csv"


@lru_cache
def surnames() -> tuple[list[tuple[str, str]], list[int]]:
    """(prefix, surname) pairs with their 2007 counts as cumulative weights."""
    pairs, weights = [], []
    with _SURNAMES.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            surname, _comma, prefix = row["meertens db name"].partition(", ")
            pairs.append((prefix.strip(), surname.strip()))
            weights.append(int(row["count in 2007"]))
    # The long tail: Faker's list adds rarer surnames with small weights.
    for name in PersonProvider.last_names:
        words = name.split()
        prefix = " ".join(w for w in words[:-1] if w.islower())
        pairs.append((prefix, words[-1]))
        weights.append(300)
    return pairs, list(itertools.accumulate(weights))


def given_names(rng: random.Random) -> str:
    pool = (
        PersonProvider.first_names_male if rng.random() < 0.5 else PersonProvider.first_names_female
    )
    count = rng.choices((1, 2, 3), weights=(45, 40, 15))[0]
    return " ".join(rng.sample(pool, count))


def valid_bsn(number: int) -> str:
    """A BSN passing the 11-proef; different numbers never give the same BSN."""
    for step in range(10):
        digits = f"{(10_000_000 + number * 10 + step) % 100_000_000:08d}"
        total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        if total % 11 < 10:
            return digits + str(total % 11)
    raise ValueError("no valid BSN near this number")  # unreachable: 10 steps cover every residue
