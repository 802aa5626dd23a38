"""The yearly report's figures, with Westland's table of cases as the proof (#16)."""

import csv
import io
from html.parser import HTMLParser

import openpyxl
import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.exports import confirmed, file_bytes
from tests.factories import CaseFactory, login
from tests.reporting import westland
from weerbaar.audit.models import AuditRecord
from weerbaar.reporting.selectors import yearly_report

pytestmark = pytest.mark.django_db

URL = reverse("reporting:report")
SPAN = {"van": 2016, "tot": 2019}


@pytest.fixture
def cases(regisseur, other_team):
    # Of a team the personas are not in: only a role that sees every case sees them.
    westland.load(regisseur, other_team)


def _table(sections, key):
    return next(t for s in sections for t in s.tables if t.key == key)


class _Cells(HTMLParser):
    """The text of every cell of the table with ``id``, row by row."""

    def __init__(self, id_):
        super().__init__()
        self.id, self.inside, self.rows, self.cell = id_, False, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == self.id:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = ""
        elif self.inside and tag == "span" and "aria-hidden" in attrs:
            self.cell = None if self.cell == "" else self.cell  # the dot of an empty cell

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th"):
            text = (self.cell or "").strip()
            self.rows[-1].append(text if text not in ("geen", "0") else "")
            self.cell = None

    def handle_data(self, data):
        if self.inside and self.cell is not None:
            self.cell += data


def _expected(row_label=str):
    rows = [
        [label, *("" if v is None else str(v) for v in counts)]
        for label, counts in sorted(westland.TABLE.items(), key=lambda kv: kv[0].lower())
    ]
    return [*rows, ["Totaal", *(str(t) for t in westland.TOTALS)]]


def test_westlands_table_cell_for_cell(regisseur, cases):
    sections = yearly_report(user=regisseur, years=range(2016, 2020))
    table = _table(sections, "casuistiek")
    got = {row.label: tuple(row.values) for row in table.rows}
    assert got.pop("Totaal") == westland.TOTALS
    assert got == westland.TABLE


def test_the_page_shows_the_table(regisseur, cases):
    response = confirmed(login(regisseur)).get(URL, SPAN)
    assert response.status_code == 200
    parser = _Cells("tabel-casuistiek")
    parser.feed(response.content.decode())
    header, *rows = parser.rows
    assert header == ["Categorie", "2016", "2017", "2018", "2019"]
    assert rows == _expected()


def test_the_spreadsheet_and_the_csv_hold_the_table(regisseur, cases):
    client = confirmed(login(regisseur))
    xlsx = client.get(URL, {**SPAN, "format": "xlsx", "doel": "Raadsinformatiebrief 2019"})
    assert xlsx.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(file_bytes(xlsx)))
    sheet = book["Casussen per categorie"]
    lines = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert lines[0] == ["Categorie", "2016", "2017", "2018", "2019"]
    expected = {label: list(counts) for label, counts in westland.TABLE.items()}
    expected["Totaal"] = list(westland.TOTALS)
    assert {line[0]: line[1:] for line in lines[1:]} == expected  # numbers, not text

    text = client.get(URL, {**SPAN, "format": "csv", "doel": "Raadsinformatiebrief 2019"})
    rows = list(csv.reader(io.StringIO(file_bytes(text).decode("utf-8-sig")), delimiter=";"))
    start = rows.index(["Casussen per categorie"])
    block = rows[start + 1 : start + 2 + len(westland.TABLE) + 1]
    assert block == [["Categorie", "2016", "2017", "2018", "2019"], *_expected()]
    made = AuditRecord.objects.filter(action="export.made", purpose="Raadsinformatiebrief 2019")
    assert [r.changes["extra"]["format"] for r in made.order_by("id")] == ["xlsx", "csv"]


def test_a_file_needs_its_purpose(regisseur, cases):
    response = confirmed(login(regisseur)).get(URL, {**SPAN, "format": "xlsx"})
    assert response.status_code == 302
    assert not AuditRecord.objects.filter(action="export.made").exists()
    assert (
        confirmed(login(regisseur))
        .get(URL, {**SPAN, "format": "pdfx", "doel": "x" * 6})
        .status_code
        == 400
    )


def test_small_numbers_are_hidden_from_who_may_not_see_the_cases(burgemeester, cases):
    table = _table(yearly_report(user=burgemeester, years=range(2016, 2020)), "casuistiek")
    got = {row.label: row.values for row in table.rows}
    assert got["Arbeidsuitbuiting ISZW"] == [None, None, None, 5]
    assert got["Hennep/drugs bestuurlijke waarschuwing gemeente"] == ["< 5", 6, "< 5", "< 5"]
    # A total over a hidden cell shows its floor: it must not give the hidden cell away.
    assert got["Totaal"] == ["< 5", "≥ 8", "≥ 10", "≥ 23"]


def test_a_case_type_without_category_has_its_own_line(regisseur, team):
    from weerbaar.cases.models import CaseType

    unclassified = CaseType.objects.create(code="los", name="Los")
    with freeze_time("2019-03-01"):
        CaseFactory(actor=regisseur, owner_team=team, case_type=unclassified)
        CaseFactory(actor=regisseur, owner_team=team, case_type=unclassified)
    table = _table(yearly_report(user=regisseur, years=range(2019, 2020)), "casuistiek")
    assert [(r.label, r.values) for r in table.rows][-2:] == [
        ("niet ingedeeld", [2]),
        ("Totaal", [2]),
    ]


@freeze_time("2026-12-02")
def test_a_year_not_ended_says_up_to_which_day(regisseur):
    response = confirmed(login(regisseur)).get(URL, {"van": 2025, "tot": 2026})
    assert response.context["years"] == ["2025", "2026 (t/m 2 december)"]
    assert "Er zijn geen cijfers in deze jaren." in response.content.decode()


def test_a_span_the_wrong_way_round_is_refused(regisseur):
    response = confirmed(login(regisseur)).get(URL, {"van": 2019, "tot": 2016})
    assert response.status_code == 200
    assert response.context["form"].errors["tot"] == ["Het laatste jaar komt na het eerste."]
    assert response.context["sections"] == []


def test_the_report_is_for_the_mayor_and_the_regisseur_only(regisseur, burgemeester, ketenpartner):
    assert confirmed(login(burgemeester)).get(URL).status_code == 200
    assert confirmed(login(regisseur)).get(URL).status_code == 200
    assert confirmed(login(ketenpartner)).get(URL).status_code == 404
    viewed = AuditRecord.objects.filter(action="reporting.viewed")
    assert viewed.count() == 2
