"""Charts of the yearly report, drawn on the server with matplotlib: SVG for the PDF (text
stays text, so it can be read and searched), and the infographic as one figure saved as PDF
and as PNG. No pyplot (its global state is not for a web server) and no fonts from outside:
matplotlib brings DejaVu Sans.

A figure the reader may not see exactly ("< 5") is not drawn as a bar: its place says "< 5".
"""

import io
import re

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from weerbaar.reporting.figures import SUPPRESSED, Section, Table

BLUE, GREY, INK = "#154273", "#8fa9c4", "#1a1a1a"


# Text as text, not paths (SVG); embedded TrueType, so the PDF's text can be extracted.
STYLE = {"svg.fonttype": "none", "pdf.fonttype": 42, "font.family": "DejaVu Sans"}


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _styled(draw):
    """Run ``draw`` with this module's settings, without touching matplotlib's global ones
    (a web server draws for several requests at once)."""
    from matplotlib import rc_context

    with rc_context(STYLE):
        return draw()


def _numbers(values) -> tuple[list[float], list[str]]:
    heights, labels = [], []
    for value in values:
        if value == SUPPRESSED:
            heights.append(0)
            labels.append(SUPPRESSED)
        elif isinstance(value, str):  # "≥ n": a total over hidden cells, drawn at its floor
            heights.append(float(value.split(" ")[-1]))
            labels.append(value)
        else:
            heights.append(float(value or 0))
            labels.append(formats.number_format(value or 0))
    return heights, labels


def _bars(ax, labels, values, color=BLUE) -> None:
    heights, texts = _numbers(values)
    bars = ax.bar(labels, heights, color=color)
    ax.bar_label(bars, labels=texts, padding=2, fontsize=8, color=INK)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.set_yticks([])
    ax.margins(y=0.2)


def _svg(fig) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = out.getvalue()
    # Inline in the HTML: the XML declaration and doctype belong to a file, not to a page.
    return re.sub(r"^.*?(<svg\b)", r"\1", text, flags=re.S)


def table_chart(table: Table, years: list[str]) -> str | None:
    return _styled(lambda: _table_chart(table, years))


def _table_chart(table: Table, years: list[str]) -> str | None:
    """The table's totals per year as bars (SVG markup), or None for a table without them."""
    total = next((r for r in table.rows if r.total), None)
    if total is None:
        return None
    fig = _figure(6.3, 1.9)
    ax = fig.subplots()
    _bars(ax, [y.split(" ")[0] for y in years], total.values)
    ax.set_title(table.title, fontsize=9, loc="left", color=INK)
    return _svg(fig)


def _key(sections: list[Section], key: str, row: int | None = None):
    table = next((t for s in sections for t in s.tables if t.key == key), None)
    if table is None or table.empty:
        return None
    rows = [r for r in table.rows if r.total] if row is None else table.rows[row : row + 1]
    return rows[0].values if rows else None


def _tiles(sections):
    return [
        (_("cases"), _key(sections, "casuistiek")),
        (_("measures decided"), _key(sections, "maatregelen")),
        (_("reports received"), _key(sections, "meldingen")),
        (_("MMA reports followed up"), _key(sections, "mma", 1)),
        (_("inspections held"), _key(sections, "controles")),
        (_("Bibob screenings"), _key(sections, "bibob", 0)),
    ]


def infographic(sections: list[Section], years: list[str], year: int) -> tuple[bytes, bytes]:
    """The one-pager for the council letter, as (PDF, PNG) of the same figure."""
    return _styled(lambda: _infographic(sections, years, year))


def _infographic(sections, years, year) -> tuple[bytes, bytes]:
    fig = _figure(8.27, 11.69)  # A4 portrait, in inches
    fig.text(0.06, 0.955, settings.MUNICIPALITY_NAME, fontsize=12, color=GREY)
    title = _("The approach to undermining in %(year)s") % {"year": year}
    fig.text(0.06, 0.925, title, fontsize=20, weight="bold", color=BLUE)
    for i, (label, values) in enumerate(_tiles(sections)):
        x, y = 0.06 + (i % 3) * 0.31, 0.80 - (i // 3) * 0.13
        last = values[-1] if values else None
        shown = last if isinstance(last, str) else formats.number_format(last or 0)
        fig.text(x, y, shown, fontsize=30, weight="bold", color=BLUE)
        fig.text(x, y - 0.03, str(label), fontsize=10, color=INK)
        if values and len(values) > 1:
            earlier = values[-2]
            before = _("%(year)s: %(n)s") % {
                "year": years[-2].split(" ")[0],
                "n": earlier if isinstance(earlier, str) else formats.number_format(earlier or 0),
            }
            fig.text(x, y - 0.05, before, fontsize=8, color=GREY)
    cases = next((t for s in sections for t in s.tables if t.key == "casuistiek"), None)
    rows = [r for r in cases.rows if not r.total and r.values[-1]] if cases else []
    if rows:
        ax = fig.add_axes((0.42, 0.1, 0.52, 0.42))
        heights, texts = _numbers([r.values[-1] for r in rows])
        bars = ax.barh([r.label for r in rows], heights, color=BLUE)
        ax.bar_label(bars, labels=texts, padding=3, fontsize=8)
        ax.invert_yaxis()
        ax.spines[["top", "right", "bottom"]].set_visible(False)
        ax.set_xticks([])
        ax.tick_params(labelsize=8)
        ax.set_title(_("Cases per category, %(year)s") % {"year": year}, fontsize=11, loc="left")
    source = _("Source: Weerbaar, %(day)s. Numbers below five are shown as “< 5”.") % {
        "day": formats.date_format(timezone.localdate(), "j F Y")
    }
    fig.text(0.06, 0.04, source, fontsize=8, color=GREY)
    pdf, png = io.BytesIO(), io.BytesIO()
    fig.savefig(pdf, format="pdf", metadata={"Creator": None, "Producer": None, "Author": None})
    fig.savefig(png, format="png", dpi=150)
    return pdf.getvalue(), png.getvalue()
