"""The council letter (raadsinformatiebrief) that goes with the yearly report, as Word,
through the letter templates: the key figures of the year against the year before and the
narratives of the year. Signed by the mayor (public order is the mayor's), never by an
official; the context holds no user."""

import io
from pathlib import Path

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from weerbaar.reporting.figures import Section, year_labels

BUILT_IN = Path(__file__).resolve().parent / "letter_templates" / "raadsinformatiebrief.docx"
KEYS = [
    ("casuistiek", None),
    ("maatregelen", None),
    ("meldingen", None),
    ("fenomenen", None),
    ("mma", 1),
    ("controles", None),
]


def _template() -> Path:
    own = settings.LETTER_TEMPLATE_DIR and Path(settings.LETTER_TEMPLATE_DIR) / BUILT_IN.name
    return own if own and own.exists() else BUILT_IN


def _shown(value) -> str:
    if value is None:
        return "0"
    return value if isinstance(value, str) else formats.number_format(value)


def context(sections: list[Section], year: int, narratives: dict) -> dict:
    """What the letter says; ``sections`` cover ``year`` and the year before."""
    place = settings.MUNICIPALITY_NAME.removeprefix("Gemeente ").strip()
    tables = {t.key: t for s in sections for t in s.tables}
    figures = []
    for key, index in KEYS:
        table = tables.get(key)
        if table is None or table.empty:
            continue
        rows = (
            table.rows[index : index + 1]
            if index is not None
            else [r for r in table.rows if r.total]
        )
        if not rows:
            continue
        row = rows[0]
        before, now = row.values[0], row.values[-1]
        label = table.title if index is None else f"{table.title}: {row.label}"
        figures.append({"label": label, "before": _shown(before), "now": _shown(now)})
    paragraphs = [
        _(
            "With this letter I inform you of the approach to undermining in %(year)s: the "
            "figures of the year against the year before, and what lies behind them. The "
            "figures are aggregates; a number below five is shown as “< 5”."
        )
        % {"year": year}
    ]
    for section in sections:
        narrative = narratives.get(section.key)
        if narrative:
            paragraphs.append(f"{section.title}. {narrative.text}")
    labels = year_labels(range(year - 1, year + 1))
    return {
        "municipality": settings.MUNICIPALITY_NAME,
        "title": _("The approach to undermining in %(year)s") % {"year": year},
        "date": formats.date_format(timezone.localdate(), "j F Y"),
        "reference": f"RIB-{year}-ondermijning",
        "addressee": _("To the municipal council of %(place)s") % {"place": place},
        "subject": _("Yearly report on the approach to undermining %(year)s") % {"year": year},
        "paragraphs": paragraphs,
        "figures_head": _("Figure"),
        "before": labels[0],
        "now": labels[1],
        "figures": figures,
        "closing": _("The yearly report with all its tables is enclosed."),
        "signatory": _("The mayor of %(place)s") % {"place": place},
    }


def render(sections: list[Section], year: int, narratives: dict) -> bytes:
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(_template()))
    document.render(context(sections, year, narratives), autoescape=True)
    document.docx.core_properties.author = ""
    document.docx.core_properties.last_modified_by = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
