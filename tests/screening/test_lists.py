"""List screening: a pasted or uploaded list of names, dates of birth and KvK numbers checked
against the BRP, KvK, permits and closures of the warehouse through the record linkage,
kept only in the Bibob compartment; a list that cannot be read is refused whole."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import login
from tests.warehouse.test_permits_and_links import _permit, _permits
from tests.warehouse.test_rules import _business, _kvk
from weerbaar.audit.models import AuditRecord
from weerbaar.demo.linkage_data import two_sources
from weerbaar.demo.names import valid_bsn
from weerbaar.screening.models import ListCheck, ListCheckRow
from weerbaar.warehouse import db, services

pytestmark = pytest.mark.django_db
BERG_BSN = valid_bsn(9001)
FIRM_KVK = "12345678"


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


def _brp(tmp_path, rows):
    path = tmp_path / "brp.csv"
    header = ["bsn", "geslachtsnaam", "voorvoegsel", "voornamen", "geboortedatum", "geslacht",
              "adresseerbaar_object_id", "nummeraanduiding_id", "straat", "huisnummer",
              "postcode", "datum_aanvang", "datum_einde"]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(header)
        out.writerows(rows)
    assert services.import_brp(path=path, fmt="csv").status == "loaded"


@pytest.fixture
def town(tmp_path):
    """A town's BRP and KvK extracts, its permits and one closure in the warehouse."""
    left, _right, _truth = two_sources(400, 10, 0, seed=5)
    brp = [
        [valid_bsn(n), surname, prefix, given, birth.isoformat(), "V", f"V{n}", f"N{n}",
         "Markt", 1 + n % 80, postcode, "2015-01-01", ""]
        for n, (_uid, surname, prefix, given, birth, *_at, postcode, _place) in enumerate(left)
    ]  # fmt: skip
    brp.append([BERG_BSN, "Berg", "van den", "Pieter Jan", "1980-03-05", "M", "VB", "NB",
                "Kade", 4, "6981AB", "2015-01-01", ""])  # fmt: skip
    _brp(tmp_path, brp)
    firms = [_business(n) for n in range(120)]
    firms.append([FIRM_KVK, "100000009999", "Loods B.V.", "6201", "2015-04-01", "6981ZZ", 3,
                  "", "", "Loodsweg", "Doesburg"])  # fmt: skip
    assert services.import_kvk(path=_kvk(tmp_path, firms)).status == "loaded"
    rows = [
        _permit("V-1", bsn=BERG_BSN, kind="Exploitatievergunning horeca"),
        _permit("V-2", kvk=FIRM_KVK, kind="Alcoholvergunning"),
        _permit("V-3", kvk="87654321"),
    ]
    assert services.import_permits(path=_permits(tmp_path, rows)).status == "loaded"
    with db.connect() as con:
        con.execute(
            "INSERT INTO closure VALUES ('Damocles-sluiting', DATE '2023-05-01', "
            "'Loodsweg 3', 'OBJ', '6981ZZ', 3, NULL, ?)",
            [FIRM_KVK],
        )
    return left


def _post(client, text="", upload=None, title="Bestuurlijke rapportage 2026-3"):
    data = {"title": title, "text": text}
    if upload is not None:
        data["upload"] = upload
    return client.post(reverse("screening:list_new"), data)


def _rows(checked) -> dict[str, ListCheckRow]:
    return {row.name: row for row in checked.rows.all()}


def test_a_pasted_list_shows_per_line_what_the_warehouse_holds(town, bibob_coordinator):
    client = login(bibob_coordinator)
    _uid, surname, prefix, given, birth, *_address = town[7]
    someone = " ".join(filter(None, [given, prefix, surname]))
    text = "\n".join(
        [
            "naam;geboortedatum;kvk",
            "P.J. Vandenberg;05-03-1980;",  # initials, glued prefix: still the BRP's Van den Berg
            f"{someone};{birth:%d-%m-%Y};",
            "Loods;;12345678",
            "Zzyzxonbekend Persoon;01-01-1990;",
        ]
    )
    response = _post(client, text)
    checked = ListCheck.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("screening:list_detail", args=[checked.uuid])
    assert len(checked.sources) == 4
    rows = _rows(checked)
    berg = rows["P.J. Vandenberg"]
    assert berg.found and berg.matches[0]["record"]["name"] == "Pieter Jan van den Berg"
    compared = {c: o for c, o, _w in berg.matches[0]["explanation"]}
    assert compared["Achternaam"] == "gelijk, tussenvoegsel anders geschreven"
    assert [h["number"] for h in berg.hits] == ["V-1"]
    assert not rows[someone].found and rows[someone].matches  # in the BRP, nothing else
    firm = rows["Loods"]
    assert firm.matches[0]["record"]["name"] == "Loods B.V."
    assert {(h["source"], h["what"]) for h in firm.hits} == {
        ("permit", "Alcoholvergunning"),
        ("closure", "Damocles-sluiting"),
    }
    assert not rows["Zzyzxonbekend Persoon"].matches

    page = client.get(response.url).content.decode()
    assert "Pieter Jan van den Berg" in page and "Damocles-sluiting" in page
    assert BERG_BSN not in page
    # the trail counts the list and names no one on it; the key is not kept either
    record = AuditRecord.objects.get(action="screening.list_checked")
    assert record.changes["new"]["lines"] == 4 and record.changes["new"]["with_findings"] == 2
    trail = " ".join(str(r.changes) for r in AuditRecord.objects.all())
    assert "Vandenberg" not in trail and "Zzyzxonbekend" not in trail
    assert "bsn_hash" not in str(berg.matches) and "key" not in berg.matches[0]
    assert AuditRecord.objects.filter(action="screening.list_viewed").count() == 1


def test_the_list_leaves_nothing_in_the_warehouse(town, bibob_coordinator):
    before = Path(settings.WAREHOUSE_PATH).read_bytes()
    _post(login(bibob_coordinator), "Zzyzxspoor Jansen;02-02-1972;\nZzyzxfirma;;")
    assert ListCheck.objects.count() == 1
    after = Path(settings.WAREHOUSE_PATH).read_bytes()
    assert before == after and b"Zzyzx" not in after


def test_an_uploaded_csv_and_an_excel_workbook_are_read(town, bibob_coordinator):
    from openpyxl import Workbook

    client = login(bibob_coordinator)
    csv_file = SimpleUploadedFile("lijst.csv", b"Naam,Geboortedatum,KvK\nLoods,,12345678\n")
    assert _post(client, upload=csv_file).status_code == 302
    book = Workbook()
    book.active.append(["naam", "geboortedatum", "kvk-nummer"])
    book.active.append(["Pieter Jan van den Berg", date(1980, 3, 5), None])
    data = io.BytesIO()
    book.save(data)
    xlsx = SimpleUploadedFile("lijst.xlsx", data.getvalue())
    assert _post(client, upload=xlsx, title="Uit Excel").status_code == 302
    row = ListCheck.objects.get(title="Uit Excel").rows.get()
    assert row.birth_date.isoformat() == "1980-03-05" and row.found


@pytest.mark.parametrize(
    ("field", "text", "upload"),
    [
        ("text", "Jan Jansen;01-01-1980;\n;02-02-1970;\nPiet;31-02-1970;", None),
        ("text", "Bakkerij;;1234", None),
        ("text", "", None),
        ("upload", "", SimpleUploadedFile("lijst.xlsx", b"naam;geboortedatum\nJan;;")),
        ("upload", "", SimpleUploadedFile("lijst.pdf", b"%PDF-1.7")),
        ("upload", "", SimpleUploadedFile("lijst.csv", "naam\nJos\u00e9".encode("latin-1"))),
    ],
)
def test_a_list_that_cannot_be_read_is_refused_next_to_its_field(
    town, bibob_coordinator, field, text, upload
):
    response = _post(login(bibob_coordinator), text, upload)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert not ListCheck.objects.exists() and not ListCheckRow.objects.exists()
    assert not AuditRecord.objects.filter(action="screening.list_checked").exists()


def test_every_bad_line_is_named(bibob_coordinator):
    response = _post(
        login(bibob_coordinator), "Jan Jansen;01-01-1980;\n;02-02-1970;\nPiet;31-02-1970;"
    )
    assert [str(e) for e in response.context["form"].errors["text"]] == [
        "regel 2: de naam ontbreekt",
        "regel 3: de geboortedatum is geen datum (DD-MM-JJJJ)",
    ]


def test_an_empty_warehouse_says_nothing_was_searched(bibob_coordinator):
    client = login(bibob_coordinator)
    response = _post(client, "Jan Jansen;01-01-1980;")
    checked = ListCheck.objects.get()
    assert checked.sources == [] and not checked.rows.get().matches
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200


def test_the_lines_are_paged_and_filtered(town, bibob_coordinator):
    client = login(bibob_coordinator)
    lines = [f"Zzyzx Bedrijf {n};;" for n in range(30)] + ["Loods;;12345678"]
    _post(client, "\n".join(lines))
    checked = ListCheck.objects.get()
    url = reverse("screening:list_detail", args=[checked.uuid])
    first = client.get(url)
    assert len(first.context["page"].object_list) == 25
    assert len(client.get(url, {"pagina": 2}).context["page"].object_list) == 6
    found = client.get(url, {"found": "on"}).context["page"]
    assert [r.name for r in found.object_list] == ["Loods"]
    index = client.get(reverse("screening:lists"))
    assert index.context["page"].object_list[0].with_findings == 1


def test_lists_are_the_bibob_roles_alone(town, bibob_coordinator, regisseur, behandelaar):
    _post(login(bibob_coordinator), "Loods;;12345678")
    checked = ListCheck.objects.get()
    for user in (regisseur, behandelaar):
        client = login(user)
        assert client.get(reverse("screening:lists")).status_code == 404
        assert client.get(reverse("screening:list_new")).status_code == 404
        assert client.get(reverse("screening:list_detail", args=[checked.uuid])).status_code == 404
        assert _post(client, "Loods;;12345678").status_code == 404
    assert ListCheck.objects.count() == 1


def test_a_busy_warehouse_refuses_the_list_whole(town, bibob_coordinator):
    import subprocess
    import sys

    holder = subprocess.Popen(  # noqa: S603 - this interpreter, a fixed script
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True);"
            " time.sleep(60)",
            settings.WAREHOUSE_PATH,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        response = _post(login(bibob_coordinator), "Loods;;12345678")
    finally:
        holder.kill()
        holder.wait()
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not ListCheck.objects.exists()


def test_a_list_of_one_line_is_linked_too(town, bibob_coordinator):
    """A short list cannot train the model: its m-probabilities are stated, its u learnt from
    the registry, and one line with initials and a glued prefix is still found."""
    _post(login(bibob_coordinator), "P.J. Vandenberg;05-03-1980;")
    row = ListCheck.objects.get().rows.get()
    match = row.matches[0]
    assert match["certain"] and match["record"]["name"] == "Pieter Jan van den Berg"
    outcomes = {c: o for c, o, _w in match["explanation"]}
    assert outcomes["Voornaam"] == "alleen een voorletter, en die klopt"
    assert [h["number"] for h in row.hits] == ["V-1"]


def test_a_registry_of_one_record_still_answers(tmp_path, bibob_coordinator):
    """Too small to halve for the u-probabilities: the record is paired with itself."""
    _brp(tmp_path, [[BERG_BSN, "Berg", "van den", "Pieter Jan", "1980-03-05", "M", "VB", "NB",
                     "Kade", 4, "6981AB", "2015-01-01", ""]])  # fmt: skip
    response = _post(login(bibob_coordinator), "P.J. Vandenberg;05-03-1980;\nBakkerij;;")
    assert response.status_code == 302
    rows = _rows(ListCheck.objects.get())
    assert rows["P.J. Vandenberg"].matches[0]["record"]["name"] == "Pieter Jan van den Berg"
    assert not rows["Bakkerij"].matches  # no KvK extract: organisations are not searched
