"""The yearly report as a spreadsheet (one sheet per table, numbers as numbers) and as one
CSV (the tables under each other). Labels written by people (categories, phenomena) pass
through ``core.exports.neutralise``, so a spreadsheet never runs them as a formula."""

import csv
import io

from django.utils.translation import gettext as _

from weerbaar.core.exports import neutralise, watermark
from weerbaar.reporting.figures import year_labels
from weerbaar.reporting.snapshot import differences


def _lines(table, years):
    yield [neutralise(str(table.header)), *year_labels(years)]
    for row in table.rows:
        yield [neutralise(str(row.label)), *row.values]


def xlsx(sections, years, *, user, title: str) -> bytes:
    from openpyxl import Workbook  # slow to import: only where a file is written
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    book.properties.creator = book.properties.lastModifiedBy = user.get_username()
    book.properties.title = title
    footer = watermark(user)
    names = set()
    for section in sections:
        for table in section.tables:
            name = table.title[:31]
            while name in names:
                name = name[:28] + f"({len(names)})"
            names.add(name)
            sheet = book.create_sheet(name)
            sheet.oddFooter.center.text = footer
            sheet.append([neutralise(table.title)])
            sheet["A1"].font = Font(bold=True)
            for line in _lines(table, years):
                sheet.append(line)
            if table.empty:
                sheet.append([_("No figures in these years.")])
            sheet.column_dimensions["A"].width = 48
    changed = differences(sections, year_labels(years))
    if changed:
        sheet = book.create_sheet(_("Changed since adopted")[:31])
        sheet.append(_difference_header())
        for line in changed:
            sheet.append([neutralise(str(v)) if isinstance(v, str) else v for v in line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_text(sections, years, *, user) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for section in sections:
        for table in section.tables:
            writer.writerow([neutralise(table.title)])
            for line in _lines(table, years):
                writer.writerow(["" if v is None else v for v in line])
            writer.writerow([])
    changed = differences(sections, year_labels(years))
    if changed:
        writer.writerow([_("Changed since adopted")])
        writer.writerow(_difference_header())
        for line in changed:
            writer.writerow([neutralise(str(v)) if isinstance(v, str) else v for v in line])
        writer.writerow([])
    writer.writerow([watermark(user)])
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8


def _difference_header() -> list[str]:
    return [_("Table"), _("Row"), _("Year"), _("Adopted"), _("Now")]


def pdf(sections, years, *, title: str, year: int, narratives: dict) -> bytes:
    """The report as a PDF for the council: every table with a chart of its totals, and the
    narratives of ``year``. It names no official: a council document is published."""
    from django.conf import settings
    from django.template.loader import render_to_string

    from weerbaar.core import pdf as core_pdf
    from weerbaar.reporting import charts

    labels = year_labels(years)
    parts = [
        {
            "section": section,
            "narrative": narratives.get(section.key),
            "tables": [(t, charts.table_chart(t, labels)) for t in section.tables],
        }
        for section in sections
    ]
    html = render_to_string(
        "reporting/report_pdf.html",
        {
            "title": title,
            "municipality": settings.MUNICIPALITY_NAME,
            "years": labels,
            "year": year,
            "parts": parts,
            "changed": differences(sections, labels),
        },
    )
    return core_pdf.render(html)
