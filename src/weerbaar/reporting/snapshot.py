"""An adopted year's figures: kept as they were, shown with what changed since.

``take`` stores one year's column of every table as plain totals (a total does not depend on
the reader; what the reader may see does, so it is not stored). ``apply`` puts the stored
column back into a report: a cell whose data changed since keeps its adopted figure and
carries the current one beside it (``Cell.now``), so a correction never changes an adopted
report silently. A small adopted figure is shown only to a reader who may see every row
behind it now and whose data did not change.
"""

from weerbaar.reporting.figures import Cell, Row, Section


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


def _frozen(live, stored):
    if not isinstance(live, Cell):
        return stored
    if live.total == stored:
        return live
    return Cell(stored or 0, 0, now=live.total, now_seen=live.seen)


def apply(sections: list[Section], column: int, figures: dict, width: int) -> None:
    """Replace one column of the report by the adopted ``figures``, in place; ``width`` is
    the number of years in the report."""
    for section in sections:
        for table in section.tables:
            stored = figures.get(table.key, {})
            for row in table.rows:
                row.cells[column] = _frozen(row.cells[column], stored.get(row.label, 0))
            known = {row.label for row in table.rows}
            for label, value in stored.items():
                if value and label not in known:
                    # A row the data no longer has: its adopted figure, and nothing now.
                    cells = [Cell() for _ in range(width)]
                    cells[column] = Cell(value, 0, now=0) if isinstance(value, int) else value
                    at = len(table.rows) - (1 if table.rows and table.rows[-1].total else 0)
                    table.rows.insert(at, Row(label, cells, total=label == _total_label()))


def _total_label() -> str:
    from django.utils.translation import gettext

    return gettext("Total")


def differences(sections: list[Section], labels: list[str]) -> list[tuple]:
    """(table, row, year, adopted, now) of every adopted figure the data no longer gives."""
    found = []
    for section in sections:
        for table in section.tables:
            for row in table.rows:
                for label, (value, now) in zip(labels, row.pairs, strict=True):
                    if now is not None:
                        found.append((table.title, row.label, label, value or 0, now))
    return found
