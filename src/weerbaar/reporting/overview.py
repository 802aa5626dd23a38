"""The mayor's and management's overview: aggregates of the work now, from each app's own
counting selector, with the same small-number suppression as the yearly report."""

from dataclasses import dataclass
from datetime import date

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from weerbaar.cases.selectors import open_counts as case_counts
from weerbaar.intake.selectors import feedback_owed_count
from weerbaar.interventions.selectors import running_counts
from weerbaar.reporting import figures
from weerbaar.reporting.figures import Cell, Row, total_of, totals_of
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.selectors import open_counts as signal_counts


@dataclass
class Grid:
    key: str
    title: str
    header: str
    columns: list[str]
    rows: list[Row]
    chart: str = ""  # "bar" or "line": drawn from the table by the page's script

    @property
    def empty(self) -> bool:
        return not self.rows


def _ages() -> list[str]:
    return [_("under a month"), _("1-3 months"), _("3-12 months"), _("a year or more")]


def _by_age(key, title, header, counted, label) -> Grid:
    grid: dict[str, list[Cell]] = {}
    for row in counted:
        cells = grid.setdefault(label(row["status"]), [Cell() for _ in range(4)])
        cells[row["age"]] = cells[row["age"]] + Cell(row["total"], row["seen"])
    rows = [Row(name, [*cells, total_of(cells)]) for name, cells in sorted(grid.items())]
    if rows:
        every = total_of([c for r in rows for c in r.cells[:4]])
        rows.append(Row(_("Total"), [*totals_of(rows, 4), every], total=True))
    return Grid(key, title, header, [*_ages(), _("Total")], rows, chart="bar")


def _one_column(key, title, header, counted, group, label=str) -> Grid:
    rows = [Row(label(r[group]), [Cell(r["total"], r["seen"])]) for r in counted]
    return Grid(key, title, header, [pgettext("count", "Number")], rows)


def _months(today: date) -> list[date]:
    """The first days of the last twelve months, this one last."""
    year, month, months = today.year, today.month, []
    for _i in range(12):
        months.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def _trend(counted, today) -> Grid:
    months = _months(today)
    index = {m: i for i, m in enumerate(months)}
    grid: dict[str, list[Cell]] = {}
    for row in counted:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        if month in index:
            cells = grid.setdefault(
                row["phenomenon"] or _("no phenomenon"), [Cell() for _ in months]
            )
            cells[index[month]] = cells[index[month]] + Cell(row["total"], row["seen"])
    rows = [Row(name, cells) for name, cells in sorted(grid.items())]
    labels = [formats.date_format(m, "M Y") for m in months]
    return Grid(
        "trend",
        _("Signals per phenomenon, the last twelve months"),
        _("Phenomenon"),
        labels,
        rows,
        chart="line",
    )


def _this_and_last(user, today) -> Grid:
    years = range(today.year - 1, today.year + 1)
    sections = figures.build(user=user, years=years)
    tables = {t.key: t for s in sections for t in s.tables}
    wanted = [
        ("casuistiek", _("Cases opened")),
        ("maatregelen", _("Measures decided")),
        ("meldingen", _("Reports received")),
        ("fenomenen", _("Signals")),
        ("controles", _("Inspections held")),
    ]
    rows = []
    for key, label in wanted:
        table = tables.get(key)
        total = next((r for r in table.rows if r.total), None) if table else None
        if total:
            rows.append(Row(str(label), total.cells))
    return Grid(
        "jaren", _("This year and last year"), _("Figure"), figures.year_labels(years), rows
    )


def build(*, user) -> list[Grid]:
    today = timezone.localdate()
    signals, running = signal_counts(user=user), running_counts(user=user)
    status = lambda value: str(SignalStatus(value).label)  # noqa: E731
    deadlines = {"overdue": _("Overdue"), "week": _("Within a week"), "later": _("Later")}
    owed = feedback_owed_count(user=user)
    feedback = Grid(
        "terugkoppeling",
        _("Reporters waiting for feedback"),
        _("Signals"),
        [pgettext("count", "Number")],
        [
            Row(
                _("Open signals whose reporter waits a month or more"),
                [Cell(owed["total"], owed["seen"])],
            )
        ],
    )
    return [
        _this_and_last(user, today),
        _by_age(
            "signalen", _("Open signals by status and age"), _("Status"), signals["open"], status
        ),
        _by_age(
            "casussen", _("Open cases by status and age"), _("Status"), case_counts(user=user), str
        ),
        _one_column(
            "lopend", _("Measures running"), _("Measure"), running["running"], "instrument"
        ),
        _one_column(
            "termijnen",
            _("Deadlines the municipality must meet"),
            _("When"),
            sorted(running["deadlines"], key=lambda r: list(deadlines).index(r["when"])),
            "when",
            lambda when: str(deadlines[when]),
        ),
        feedback,
        _trend(signals["trend"], today),
    ]
