"""The kinds of record the retention job removes, registered by the apps that keep them.

``privacy`` runs the job over this registry; an app that keeps records of its own registers
a ``Kind`` from its ``AppConfig.ready()``, so the job reaches a sibling app (the warehouse)
without importing it. A kind finds what is past its term and removes it; the job around it
(the term in force, the dry run, the register, the audit record) is written once.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Kind:
    """One record type with a term.

    ``due(today, days)`` returns the rows past their term on ``today`` (holds excluded);
    ``remove(rows)`` deletes or anonymises them and returns how many went; ``label(row)``
    names a row in the dry run without its content (a reference, a number). ``days`` is
    None for a kind whose term is kept elsewhere (a case's, per case type).
    """

    code: str
    title: str
    default_days: int | None
    reason: str
    due: Callable[[date, int | None], QuerySet]
    remove: Callable[[QuerySet], int]
    label: Callable[[Model], str]
    # Order of the run: a kind that frees rows for another runs first.
    order: int = 50
    anonymises: bool = False
    # Once after a run removed rows of this kind (compacting an index, say).
    finish: Callable[[], None] | None = None
    # Its removal writes the audit chain: the dry run counts it instead of removing it, so
    # a trial never holds the chain's lock.
    chained: bool = False


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    """Add ``kind`` to the job; registering a code again replaces it (app reloads)."""
    _kinds[kind.code] = kind


def kinds() -> Iterable[Kind]:
    """The registered kinds in the order the job runs them."""
    return sorted(_kinds.values(), key=lambda k: (k.order, k.code))


def get(code: str) -> Kind:
    return _kinds[code]
