"""Every record about one person, organisation, address or vehicle, for the FG who answers a
data subject's request (AVG art. 15). Each app that keeps records about subjects registers a
finder here from its ``AppConfig.ready()`` (the apps below ``privacy`` through
``privacy/records.py``), so the overview needs no import of a sibling app. A finder reads
everything, without need-to-know: only the privacy app calls it, for the FG."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Record:
    group: str  # the part of the product, e.g. "Signals"
    object_type: str  # as the audit trail names it ("signals.signal")
    object_id: str  # as the audit trail stores it (the uuid)
    reference: str  # the human number, or a short label
    title: str
    day: date | None = None
    facts: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # "bibob" or "police": shown to the FG, never in the copy for the data subject
    # (Wet Bibob art. 28, Wpg art. 7).
    compartment: str = ""
    # The retention kinds (core.retention) the record falls under: the copy names the
    # processing activities they belong to.
    terms: tuple[str, ...] = ()
    # The records this one comes from (their keys): withholding one withholds this as well,
    # so a withheld signal does not show through its meeting or a case through its measure.
    parents: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """What a withholding or an annotation points at."""
        return f"{self.object_type}:{self.object_id}"


@dataclass(frozen=True)
class Finder:
    name: str
    order: int
    find: Callable[[object], Iterable[Record]]  # (subject) -> records about it


_finders: dict[str, Finder] = {}


def register(name: str, find: Callable[[object], Iterable[Record]], *, order: int) -> None:
    _finders[name] = Finder(name, order, find)


def records(subject) -> list[Record]:
    """Every registered app's records about ``subject``, in the apps' order."""
    found: list[Record] = []
    for finder in sorted(_finders.values(), key=lambda f: f.order):
        found.extend(finder.find(subject))
    return found
