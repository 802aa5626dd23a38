"""What the subject page lists about one subject, per app, as far as the reader may see it.
The apps above ``subjects`` register a finder here from their ``AppConfig.ready()``, so the
page needs no import of them. A finder builds on its app's own ``*_visible_to`` selector:
what the reader may not see is left out, and no count betrays it. The compartments (police
information) register nothing."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

# The most entries a section shows; the rest are counted (from what the reader may see).
LIMIT = 25


@dataclass(frozen=True)
class Entry:
    reference: str
    title: str
    url: str
    day: date | None = None
    status: str = ""


@dataclass(frozen=True)
class Section:
    label: str
    entries: list[Entry]
    more: int = 0


@dataclass(frozen=True)
class _Finder:
    label: object  # a lazy translation
    order: int
    rows: Callable[[object, object], QuerySet]  # (subject, user) -> what the user may see
    entry: Callable[[object], Entry]


_finders: dict[str, _Finder] = {}


def register(name: str, label, rows, entry, *, order: int) -> None:
    _finders[name] = _Finder(label, order, rows, entry)


def sections(subject, user) -> list[Section]:
    """Every registered app's entries about ``subject`` that ``user`` may see, in order; a
    section the user has nothing in is left out."""
    found = []
    for finder in sorted(_finders.values(), key=lambda f: f.order):
        rows = finder.rows(subject, user)
        total = rows.count()
        if total:
            entries = [finder.entry(row) for row in rows[:LIMIT]]
            found.append(Section(str(finder.label), entries, more=total - len(entries)))
    return found
