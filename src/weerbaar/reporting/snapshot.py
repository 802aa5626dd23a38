"""An adopted year's figures: kept as they were, shown with what changed since.

``take`` stores one year's column of every table as plain totals (a total does not depend on
the reader; what the reader may see does, so it is not stored). ``apply`` puts the stored
column back into a report: a cell whose data changed since keeps its adopted figure and
carries the current one beside it (``Cell.now``), so a correction never changes an adopted
report silently. A small adopted figure is shown only to a reader who may see every row
behind it now and whose data did not change.
"""

from dataclasses import replace

from weerbaar.reporting.figures import SUPPRESSED, Cell, Row, Section


def take(sections: list[Section], column: int) -> dict:
    """{table key: {row label: figure}} of one column of the report."""
    figures = {}
    for section in sections:
        for table in section.tables:
            figures[table.key] = {
                row.label: (c.total if isinstance(c, Cell) else _plain(c))
                for row in table.rows
                if (c := row.cells[column]) is not None
            }
    return figures


def _plain(value):
    # Amounts and medians: a JSON number; a hidden value was never stored hidden (the
    # adopter's figures are the totals), but keep a string as it is.
    return float(value) if value is not None and not isinstance(value, str) else value


def _frozen(live, stored, count: Cell | None = None):
    if not isinstance(live, Cell):
        # An amount or a median rests on the count beside it: as small as that count is.
        return SUPPRESSED if count is not None and count.hidden else stored
    if live.total == stored:
        return live
    return Cell(stored or 0, 0, now=live.total, now_seen=live.seen)


def _count_of(tables: dict, table, row, column: int) -> Cell | None:
    """The live count an amount or a median in ``row`` rests on."""
    if table.counts_from:
        source = tables.get(table.counts_from)
        match = next((r for r in source.rows if r.label == row.label), None) if source else None
    else:
        match = next((r for r in table.rows if isinstance(r.cells[column], Cell)), None)
    return match.cells[column] if match else Cell(1, 0)  # nothing left: treat as small


def apply(sections: list[Section], column: int, figures: dict, width: int) -> None:
    """Replace one column of the report by the adopted ``figures``, in place; ``width`` is
    the number of years in the report."""
    tables = {t.key: t for s in sections for t in s.tables}
    for table in tables.values():
        stored = figures.get(table.key, {})
        for row in table.rows:
            live = row.cells[column]
            count = None if isinstance(live, Cell) else _count_of(tables, table, row, column)
            row.cells[column] = _frozen(live, stored.get(row.label, 0), count)
        known = {row.label for row in table.rows}
        for label, value in stored.items():
            if value and label not in known:
                # A row the data no longer has: its adopted figure, and nothing now.
                cells = [Cell() for _ in range(width)]
                cells[column] = Cell(value, 0, now=0) if isinstance(value, int) else SUPPRESSED
                at = len(table.rows) - (1 if table.rows and table.rows[-1].total else 0)
                table.rows.insert(at, Row(label, cells, total=label == _total_label()))
        _floor(table, column)


def _floor(table, column: int) -> None:
    """An adopted total over hidden cells gets its floor, as a live one does."""
    if not table.rows or not table.rows[-1].total:
        return
    total = table.rows[-1].cells[column]
    parts = [r.cells[column] for r in table.rows[:-1] if isinstance(r.cells[column], Cell)]
    hidden = [c for c in parts if c.hidden]
    if hidden and isinstance(total, Cell) and total.floor is None:
        floor = sum(c.total for c in parts if not c.hidden) + len(hidden)
        table.rows[-1].cells[column] = replace(
            total, seen=min(total.seen, total.total - 1), floor=floor
        )


def _total_label() -> str:
    from django.utils.translation import gettext

    return gettext("Total")


def differences(sections: list[Section], labels: list[str]) -> list[tuple]:
    """(table, row, year, adopted, now) of every adopted figure the data no longer gives;
    "now" is "≠" where the reader may not see by how much."""
    found = []
    for section in sections:
        for table in section.tables:
            for row in table.rows:
                for label, (value, now) in zip(labels, row.pairs, strict=True):
                    if now is not None:
                        found.append((table.title, row.label, label, value or 0, now))
    return found
