"""Candidates for an inspection, from wherever they come: a registry of sources.

A source is a function ``rows(user)`` returning ``Candidate`` rows the user may see. Apps on
a higher tier (the warehouse's alerts) or project wiring (the LIO decisions of ``meetings``,
a sibling this app may not import) register theirs with ``register``; the planning page shows
each source with its rows.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    reference: str
    text: str
    url: str = ""
    address: str = ""


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    rows: Callable[[object], list[Candidate]]


_sources: dict[str, Source] = {}


def register(name: str, title, rows: Callable[[object], list[Candidate]]) -> None:
    _sources[name] = Source(name, title, rows)


def unregister(name: str) -> None:
    _sources.pop(name, None)


def candidates(*, user) -> list[tuple[Source, list[Candidate]]]:
    return [(source, list(source.rows(user))) for source in _sources.values()]
