"""Files of a list: CSV and XLSX, written row by row from the list's own queryset.

The caller hands in the queryset its page shows (need-to-know already applied) and the
columns; this module only writes. Every text cell that a spreadsheet would read as a formula
(it starts with ``= + - @``, a tab or a carriage return) gets a leading apostrophe, and every
file names who made it and when: the XLSX in its document properties and its printed
footer, the CSV in a last row (a first line would break the header that readers expect, and
a last row also shows that the file is complete). Auditing is the caller's part
(``audit.exports.list_export``): core imports no app.
"""

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A list longer than this is refused with a message to narrow the filters: past it a
# spreadsheet is no longer read by a person, and the file takes minutes to write.
MAX_ROWS = 100_000
# Query parameters of the export itself, not filters of the list.
EXPORT_PARAMS = ("format", "doel", "pagina", "verzoek")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    header: str | Promise
    value: Callable[[Any], Any]


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("csv", "CSV"), ("xlsx", "Excel (XLSX)")])
    doel = forms.CharField(
        label=_("Purpose of the export"),
        min_length=5,
        max_length=200,
        help_text=_("Why you need this file; it is recorded in the audit trail."),
    )


def wanted(request) -> bool:
    """Whether the request asks for a file instead of the page."""
    return bool(request.GET.get("format"))


def known_format(request) -> bool:
    return request.GET.get("format") in FORMATS


def filter_params(request) -> list[tuple[str, str]]:
    """The list's own query parameters (its filters), for the export form to send along."""
    return [(k, v) for k, v in request.GET.items() if k not in EXPORT_PARAMS and v]


def list_query(request):
    """The request's query without the export's parameters: the list's filter form binds to
    it, so a list that has defaults when unfiltered exports the same rows as it shows."""
    query = request.GET.copy()
    for name in EXPORT_PARAMS:
        query.pop(name, None)
    return query


def neutralise(text: str) -> str:
    """A text that a spreadsheet would run as a formula, made plain text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None, microsecond=0)
    if isinstance(value, (datetime.date, int, float)):
        return value
    return neutralise(str(value))


def watermark(user) -> str:
    name = user.get_full_name()
    who = f"{name} ({user.get_username()})" if name else user.get_username()
    moment = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    return gettext("Exported by %(user)s on %(moment)s") % {"user": who, "moment": moment}


def _rows(columns: list[Column], rows: Iterable) -> Iterator[list]:
    for row in rows.iterator(chunk_size=CHUNK) if hasattr(rows, "iterator") else rows:
        yield [_cell(column.value(row)) for column in columns]


class _Echo:
    def write(self, value):
        return value


def _csv_lines(headers, lines, footer, language):
    writer = csv.writer(_Echo(), delimiter=";")
    with translation.override(language):
        yield "\ufeff" + writer.writerow(headers)  # the BOM makes Excel read UTF-8
        for line in lines:
            yield writer.writerow(
                [v.isoformat(sep=" ") if isinstance(v, datetime.datetime) else v for v in line]
            )
        yield writer.writerow([footer])


def _xlsx_file(headers, lines, footer, title, user):
    from openpyxl import Workbook  # slow to import: only where a file is written

    book = Workbook(write_only=True)
    book.properties.creator = book.properties.lastModifiedBy = user.get_username()
    book.properties.title = title
    book.properties.description = footer
    sheet = book.create_sheet(title[:31])
    sheet.oddFooter.center.text = footer
    sheet.append(headers)
    for line in lines:
        sheet.append(line)
    out = tempfile.TemporaryFile()
    book.save(out)
    out.seek(0)
    return out


def response(*, fmt: str, user, title: str, filename: str, columns: list[Column], rows: Iterable):
    """The file of ``rows`` as a download: a CSV streams, an XLSX is written to a temporary
    file row by row (openpyxl's write-only mode) and streamed from there."""
    headers = [neutralise(str(column.header)) for column in columns]
    footer = watermark(user)
    lines = _rows(columns, rows)
    name = f"{filename}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        language = translation.get_language()
        answer = StreamingHttpResponse(
            _csv_lines(headers, lines, footer, language), content_type=FORMATS["csv"]
        )
        answer["Content-Disposition"] = f'attachment; filename="{name}"'
    else:
        answer = FileResponse(
            _xlsx_file(headers, lines, footer, str(title), user),
            as_attachment=True,
            filename=name,
            content_type=FORMATS["xlsx"],
        )
    answer["X-Content-Type-Options"] = "nosniff"
    answer["Cache-Control"] = "no-store"
    return answer
