"""The tables of the yearly report, built from each app's aggregate selector.

A table has a row per group (a category, a channel, an instrument) and a column per year.
Every cell knows its count and how many of the rows behind it the reader may see: a count
from 1 to 4 is shown as "< 5" unless the reader may see every one of them (small-number
suppression), so no one learns from the report about a case they have no need to know.
"""

from dataclasses import dataclass, field
from statistics import median

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.cases.selectors import yearly_counts as case_counts
from weerbaar.core.counting import Tally
from weerbaar.inspections.constants import CheckOutcome
from weerbaar.inspections.selectors import yearly_counts as inspection_counts
from weerbaar.intake.selectors import yearly_counts as report_counts
from weerbaar.interventions.constants import ObjectionOutcome, Result
from weerbaar.interventions.selectors import yearly_counts as measure_counts
from weerbaar.meetings.constants import Decision, MeetingKind
from weerbaar.meetings.selectors import yearly_counts as meeting_counts
from weerbaar.reporting.constants import SMALL
from weerbaar.screening.selectors import may_change as may_change_screenings
from weerbaar.screening.selectors import year_counts as screening_counts
from weerbaar.signals.constants import Channel
from weerbaar.signals.selectors import yearly_counts as signal_counts

SUPPRESSED = f"< {SMALL}"
CHANGED = "≠"  # an adopted figure the data no longer gives, by how much the reader may not see


@dataclass(frozen=True)
class Cell:
    total: int = 0
    seen: int = 0
    now: int | None = None  # in an adopted year: the figure the data gives now, if it differs
    now_seen: int = 0
    # A total over hidden cells: the sum of the cells shown plus one per hidden cell, so the
    # total cannot be used to work out a hidden cell (shown as "≥ floor").
    floor: int | None = None

    @property
    def now_shown(self):
        """The current figure beside an adopted one that differs: only to a reader who may
        see every row behind it, or the difference would tell what was corrected."""
        if self.now is None:
            return None
        return self.now if self.now_seen >= self.now else CHANGED

    @property
    def hidden(self) -> bool:
        return 0 < self.total < SMALL and self.seen < self.total

    @property
    def shown(self):
        """The cell as the reader gets it: a number, "< 5", "≥ n", or None for nothing."""
        if self.hidden:
            return SUPPRESSED
        if self.floor is not None and self.seen < self.total:
            return f"≥ {self.floor}"
        return self.total or None

    def __add__(self, other: "Cell") -> "Cell":
        return Cell(self.total + other.total, self.seen + other.seen)


@dataclass
class Row:
    label: str
    cells: list  # Cell, or a plain value (a median, an amount) already suppressed
    total: bool = False
    key: str = ""  # the group counted (a channel's code), for a table derived from this one

    @property
    def values(self) -> list:
        """The cells as the reader gets them: a number, "< 5", or None for nothing."""
        return [c.shown if isinstance(c, Cell) else c for c in self.cells]

    @property
    def pairs(self) -> list:
        """(value, the current figure when an adopted one differs) per cell."""
        return [(c.shown, c.now_shown) if isinstance(c, Cell) else (c, None) for c in self.cells]


@dataclass
class Table:
    key: str
    title: str
    header: str
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    # For a table of amounts or medians: the table whose counts they rest on (same row
    # label); without it, the table's own first row of counts.
    counts_from: str = ""

    @property
    def empty(self) -> bool:
        return not self.rows


def year_labels(years: range) -> list[str]:
    """The column heads; a year not yet ended says up to which day it counts."""
    today = timezone.localdate()
    labels = []
    for year in years:
        if year == today.year:
            day = formats.date_format(today, "j F")
            labels.append(_("%(year)s (up to %(day)s)") % {"year": year, "day": day})
        else:
            labels.append(str(year))
    return labels


def _grid(tallies: list[Tally], years: range) -> dict[str, list[Cell]]:
    grid: dict[str, list[Cell]] = {}
    for t in tallies:
        if t.year in years:
            cells = grid.setdefault(t.group, [Cell() for _ in years])
            cells[t.year - years.start] = cells[t.year - years.start] + Cell(t.total, t.seen)
    return grid


def _table(key, title, header, tallies, years, *, label=str, totals=True, last=None) -> Table:
    grid = _grid(tallies, years)
    rows = [Row(label(group), cells, key=group) for group, cells in grid.items()]
    rows.sort(key=lambda row: (row.label == last, row.label.lower()))
    if totals and rows:
        rows.append(Row(_("Total"), totals_of(rows, len(years)), total=True))
    return Table(key, title, header, rows)


def total_of(cells: list[Cell]) -> Cell:
    """The sum of ``cells``; over a hidden cell it carries a floor instead of its exact sum
    (secondary suppression: a total minus the cells shown would give the hidden one)."""
    total = sum(cells, Cell())
    hidden = [c for c in cells if c.hidden]
    if not hidden:
        return total
    floor = sum(c.total for c in cells if not c.hidden) + len(hidden)
    return Cell(total.total, total.seen, floor=floor)


def totals_of(rows: list[Row], width: int) -> list[Cell]:
    return [total_of([row.cells[i] for row in rows]) for i in range(width)]


def _choice(choices):
    return lambda value: str(choices(value).label) if value in choices.values else value


def _cases(user, years) -> list[Table]:
    counts = case_counts(user=user, years=years)
    unclassified = _("not classified")
    cases = _table(
        "casuistiek",
        _("Cases per category"),
        _("Category"),
        counts["categories"],
        years,
        label=lambda category: category or unclassified,
        last=unclassified,
    )
    riec = _table("riec", _("RIEC cases"), _("Cases"), counts["riec"], years, totals=False)
    for row in riec.rows:
        row.label = _("RIEC cases opened")
    return [cases, riec]


def _forfeitures(counts, years) -> Table:
    table = _table(
        "dwangsommen",
        _("Penalties forfeited"),
        _("Penalties"),
        counts["forfeitures"],
        years,
        totals=False,
    )
    if table.rows:
        row = table.rows[0]
        row.label = _("Forfeitures")
        amounts = []
        for i, year in enumerate(years):
            amount = counts["forfeited_amounts"].get(year)
            amounts.append(SUPPRESSED if row.cells[i].hidden else amount)
        table.rows.append(Row(_("Amount forfeited (EUR)"), amounts))
    return table


def _measures(user, years) -> list[Table]:
    counts = measure_counts(user=user, years=years)
    return [
        _table("maatregelen", _("Measures decided"), _("Measure"), counts["measures"], years),
        _table(
            "resultaten",
            _("Measures finished, by result"),
            _("Result"),
            counts["results"],
            years,
            label=_choice(Result),
        ),
        _forfeitures(counts, years),
        _table(
            "bezwaren",
            _("Decisions on objection"),
            _("Outcome"),
            counts["objections"],
            years,
            label=_choice(ObjectionOutcome),
        ),
    ]


def _feedback_days(counts, answered: Table, years) -> Table:
    table = Table(
        "terugkoppeltijd",
        _("Days to the first feedback (median)"),
        _("Channel"),
        counts_from="terugkoppeling",
    )
    for row in answered.rows:
        if row.total:
            continue
        medians = []
        for i, year in enumerate(years):
            days = counts["days"].get((year, row.key))
            medians.append(SUPPRESSED if row.cells[i].hidden else (median(days) if days else None))
        table.rows.append(Row(row.label, medians))
    return table


def _reports(user, years) -> list[Table]:
    counts = report_counts(user=user, years=years)
    channel = _choice(Channel)
    received = _table(
        "meldingen", _("Reports by channel"), _("Channel"), counts["channels"], years, label=channel
    )
    answered = _table(
        "terugkoppeling",
        _("Reports that got feedback"),
        _("Channel"),
        counts["answered"],
        years,
        label=channel,
    )
    return [received, answered, _feedback_days(counts, answered, years)]


def _signals(user, years) -> list[Table]:
    counts = signal_counts(user=user, years=years)
    phenomena = _table(
        "fenomenen", _("Signals by phenomenon"), _("Phenomenon"), counts["phenomena"], years
    )
    mma = Table("mma", _("Meld Misdaad Anoniem"), _("Reports"))
    for key, label in (("mma", _("MMA reports")), ("mma_followed", _("of which followed up"))):
        grid = _grid(counts[key], years)
        if grid:
            mma.rows.append(Row(str(label), grid[""]))
    return [phenomena, mma]


def _meetings(user, years) -> list[Table]:
    counts = meeting_counts(user=user, years=years)
    return [
        _table(
            "overleggen",
            _("Meetings held"),
            _("Meeting"),
            counts["meetings"],
            years,
            label=_choice(MeetingKind),
        ),
        _table(
            "besluiten",
            _("Decisions of the meetings"),
            _("Decision"),
            counts["decisions"],
            years,
            label=_choice(Decision),
        ),
    ]


@dataclass
class Section:
    key: str  # the theme a narrative is written for
    title: str
    tables: list[Table]


def _screenings(user, years) -> Table:
    """Bibob figures: the screening app gives totals only (its rows are in the compartment);
    a reader outside the Bibob role sees its small numbers as "< 5"."""
    table = Table("bibob", _("Bibob screenings"), _("Screenings"), note=_("Not registered yet."))
    seen_all = may_change_screenings(user)
    years_counts = [screening_counts(year=year) for year in years]
    lines = [(_("Screenings of applications received"), [c["screenings"] for c in years_counts])]
    for i, decision in enumerate(years_counts[0]["decisions"]):
        label = _("Decision: %(decision)s") % {"decision": decision["label"]}
        lines.append((label, [c["decisions"][i]["count"] for c in years_counts]))
    lines.append((_("Advice asked of the LBB"), [c["lbb_requests"] for c in years_counts]))
    for i, degree in enumerate(years_counts[0]["degrees"]):
        label = _("Advice: %(degree)s") % {"degree": degree["label"]}
        lines.append((label, [c["degrees"][i]["count"] for c in years_counts]))
    if any(any(counts) for _label, counts in lines):
        for label, counts in lines:
            cells = [Cell(n, n if seen_all else 0) for n in counts]
            table.rows.append(Row(str(label), cells))
    return table


def _inspections(user, years) -> list[Table]:
    counts = inspection_counts(user=user, years=years)
    controls = _table("controles", _("Inspections held"), _("Kind"), counts["inspections"], years)
    controls.note = _("Not registered yet.")
    if controls.rows:
        for name, target in counts["targets"].items():
            if target:
                label = _("Target: %(kind)s") % {"kind": name}
                controls.rows.append(Row(str(label), [target for _year in years]))
    checks = _table(
        "adrescontroles",
        _("BRP address checks"),
        _("Outcome"),
        counts["checks"],
        years,
        label=_choice(CheckOutcome),
    )
    checks.note = _("Not registered yet.")
    if checks.rows and counts["check_target"]:
        checks.rows.append(Row(_("Target"), [counts["check_target"] for _year in years]))
    return [controls, checks]


SECTIONS = [
    ("casussen", gettext_lazy("Cases"), _cases),
    ("maatregelen", gettext_lazy("Measures"), _measures),
    (
        "meldingen",
        gettext_lazy("Reports and signals"),
        lambda u, y: [*_reports(u, y), *_signals(u, y)],
    ),
    ("overleggen", gettext_lazy("LIO and GSO"), _meetings),
    (
        "bibob-controles",
        gettext_lazy("Bibob and inspections"),
        lambda u, y: [_screenings(u, y), *_inspections(u, y)],
    ),
]
THEMES = [(key, title) for key, title, _part in SECTIONS]


def build(*, user, years: range) -> list[Section]:
    """Every section of the report for ``years``, as ``user`` may see it."""
    return [Section(key, str(title), part(user, years)) for key, title, part in SECTIONS]
