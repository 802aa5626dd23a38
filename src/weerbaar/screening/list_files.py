"""Reading a list to screen: pasted lines, a CSV file or an Excel workbook, each a row of
name, date of birth and KvK number (the last two may be empty). A header row is allowed.
Any row that cannot be read refuses the whole list, with every reason by line, so nothing
is stored half."""

import csv
import io
import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from weerbaar.core.normalize import normalize_kvk
from weerbaar.screening.lists import MAX_ROWS, Entry

MAX_BYTES = 2 * 1024 * 1024
HEADER_WORDS = {"naam", "name"}
ZIP_MAGIC = b"PK\x03\x04"
# More reasons than this would bury the first ones; the coordinator fixes the file and tries again.
MAX_REASONS = 10


def _day(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar day
        except ValueError:
            continue
    raise ValueError(text)


def _entry(line: int, cells: list, today: date) -> Entry:
    cells = [*cells, "", "", ""][:3]
    name = re.sub(r"\s+", " ", str(cells[0] or "")).strip()
    if not name:
        raise ValidationError(_("line %(line)s: the name is missing") % {"line": line})
    if len(name) > 200:
        raise ValidationError(
            _("line %(line)s: the name is longer than 200 characters") % {"line": line}
        )
    try:
        born = _day(cells[1])
    except ValueError:
        raise ValidationError(
            _("line %(line)s: the date of birth is not a date (DD-MM-YYYY)") % {"line": line}
        ) from None
    if born and born > today:
        raise ValidationError(
            _("line %(line)s: the date of birth lies in the future") % {"line": line}
        )
    kvk = str(cells[2] or "").strip()
    if kvk:
        try:
            kvk = normalize_kvk(kvk)
        except ValidationError:
            raise ValidationError(
                _("line %(line)s: the KvK number is not 8 digits") % {"line": line}
            ) from None
    return Entry(line=line, name=name, birth_date=born, kvk_number=kvk)


def _lines(rows):
    """The rows with something in them, without a header row."""
    first = True
    for line, cells in rows:
        if not any(str(c or "").strip() for c in cells):
            continue  # an empty line
        if first and str(cells[0] or "").strip().lower() in HEADER_WORDS:
            first = False
            continue
        first = False
        yield line, list(cells)


def _refused(reasons: list[str]) -> ValidationError:
    shown = reasons[:MAX_REASONS]
    if len(reasons) > MAX_REASONS:
        shown.append(_("and %(count)s more lines") % {"count": len(reasons) - MAX_REASONS})
    return ValidationError(shown)


def entries(rows, today: date) -> list[Entry]:
    """The list's entries from ``rows`` ((line, cells) pairs), or a ValidationError naming
    every line that cannot be read."""
    found, reasons = [], []
    for count, (line, cells) in enumerate(_lines(rows), start=1):
        if count > MAX_ROWS:
            raise ValidationError(
                _("The list has more than %(max)s lines; split it up.") % {"max": MAX_ROWS}
            )
        try:
            found.append(_entry(line, cells, today))
        except ValidationError as refusal:
            reasons.extend(refusal.messages)
    if reasons:
        raise _refused(reasons)
    if not found:
        raise ValidationError(_("The list holds no names."))
    return found


def _delimited(text: str) -> list[tuple[int, list]]:
    sample = text[:2000]
    delimiter = "\t" if "\t" in sample else ";" if ";" in sample else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [(number, row) for number, row in enumerate(reader, start=1)]


def from_text(text: str, today: date) -> list[Entry]:
    """Pasted lines: name; date of birth; KvK number (also with tabs from a spreadsheet)."""
    return entries(_delimited(text), today)


def _workbook_rows(data: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any damage of the file is the same answer
        raise ValidationError(_("This Excel file cannot be read.")) from None
    try:
        rows = []
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            if any(v not in (None, "") for v in row[:3]):
                rows.append((number, list(row[:3])))
            if len(rows) > MAX_ROWS + 1:
                break  # enough to refuse a list that is too long, without reading it all
        return rows
    finally:
        book.close()


def from_file(upload, today: date) -> list[Entry]:
    """An uploaded CSV (UTF-8, ``;``, ``,`` or tab) or XLSX file; its kind is told by its
    content and must agree with its name."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 2 MB."))
    data = upload.read()
    name = (upload.name or "").lower()
    if name.endswith(".xlsx"):
        if not data.startswith(ZIP_MAGIC):
            raise ValidationError(_("This file is not an Excel workbook (.xlsx)."))
        return entries(_workbook_rows(data), today)
    if name.endswith(".csv") or name.endswith(".txt"):
        if data.startswith(ZIP_MAGIC) or b"\x00" in data:
            raise ValidationError(_("This file is not a CSV file."))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The file is not in UTF-8.")) from None
        return entries(_delimited(text), today)
    raise ValidationError(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))
