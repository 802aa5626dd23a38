"""Deadlines kept by apps other than the measures', for the one deadline overview.

The overview belongs to ``interventions``; a sibling app (the Bibob screenings) may not be
imported by it, nor import it. Such an app registers a board here from its ``AppConfig.ready()``:
a title, who has deadlines on it at all (for the menu), and ``rows(user)``, every open deadline
the user may see. The overview shows each board's rows in the window the user chose, in a table
of its own, so each app keeps its own need-to-know.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WINDOWS = ("week", "overdue", "all")


@dataclass(frozen=True)
class Row:
    due_on: date
    label: str  # which deadline, e.g. "Advice of the LBB"
    reference: str  # the object's human number
    url: str
    ours: bool = True  # a term the municipality must meet: shown as late once passed


@dataclass(frozen=True)
class Board:
    name: str
    title: str
    shown: Callable[[object], bool]
    rows: Callable[[object], Iterable[Row]]


_boards: dict[str, Board] = {}


def register(name: str, *, title, shown, rows) -> None:
    _boards[name] = Board(name, title, shown, rows)


def unregister(name: str) -> None:
    _boards.pop(name, None)


def has_any(user) -> bool:
    """Whether some board keeps deadlines for ``user`` (the menu shows the overview then)."""
    return any(board.shown(user) for board in _boards.values())


def in_window(row: Row, window: str, today: date) -> bool:
    """The overview's windows: ``week`` (due within seven days, or late), ``overdue``, ``all``
    (open and not past, or late); a party's own term that passed is no official's late work."""
    late = row.ours and row.due_on < today
    if window == "overdue":
        return late
    if window == "all":
        return late or row.due_on >= today
    return late or today <= row.due_on <= today + timedelta(days=7)


def boards(*, user, window: str, today: date) -> list[tuple[Board, list[tuple[Row, bool]]]]:
    """Every board that has rows for ``user`` in ``window``: (board, [(row, late), ...]),
    late ones first, then by day."""
    result = []
    for board in _boards.values():
        if not board.shown(user):
            continue
        rows = [r for r in board.rows(user) if in_window(r, window, today)]
        if rows:
            marked = [(r, r.ours and r.due_on < today) for r in rows]
            marked.sort(key=lambda pair: (not pair[1], pair[0].due_on, pair[0].reference))
            result.append((board, marked))
    return result


def counts(*, user, today: date) -> dict[str, int]:
    """For the start page: the boards' rows in the overview's ``week`` and ``overdue`` views."""
    week = overdue = 0
    for board in _boards.values():
        if board.shown(user):
            for row in board.rows(user):
                week += in_window(row, "week", today)
                overdue += in_window(row, "overdue", today)
    return {"week": week, "overdue": overdue}
