"""The yearly report as a PDF with charts and as an infographic (PDF and PNG), checked on
their text and figures (#16)."""

import io

import pypdf
import pytest
from django.urls import reverse
from PIL import Image

from tests.exports import confirmed, file_bytes
from tests.factories import login
from tests.reporting import westland
from weerbaar.audit.models import AuditRecord

pytestmark = pytest.mark.django_db

URL = reverse("reporting:report")
SPAN = {"van": 2016, "tot": 2019, "doel": "Raadsinformatiebrief 2019"}


@pytest.fixture
def cases(regisseur, other_team):
    westland.load(regisseur, other_team)


def _text(data: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages
    )


def test_the_pdf_holds_the_tables_charts_and_narrative(regisseur, cases):
    from weerbaar.reporting.services import narrative_save

    narrative_save(
        actor=regisseur, year=2019, theme="casussen", text="Twee drugslabs gesloten in 2019."
    )
    response = confirmed(login(regisseur)).get(URL, {**SPAN, "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(file_bytes(response))
    assert "Casussen per categorie" in text and "Hennep/drugs sluiting gemeente" in text
    # A council document is published: small numbers are hidden whoever makes it, and a
    # total over a hidden number shows its floor.
    assert "Totaal < 5 ≥ 8 ≥ 10 ≥ 23" in text
    assert "Tweedrugslabsgeslotenin2019." in text.replace(" ", "")  # kerning splits words
    # The chart is drawn as text-bearing vector graphics: its title and bar labels are text.
    assert text.count("Casussen per categorie") >= 2
    assert regisseur.username not in text  # a council document names no official
    assert AuditRecord.objects.filter(action="export.made", purpose=SPAN["doel"]).count() == 1


def test_the_infographic_gives_the_key_figures_of_the_year(regisseur, cases):
    client = confirmed(login(regisseur))
    pdf = client.get(URL, {**SPAN, "format": "infographic"})
    text = _text(file_bytes(pdf))
    assert "De aanpak van ondermijning in 2019" in text
    assert "≥ 23" in text and "casussen" in text and "2018" in text
    assert "Hennep/drugs sluiting gemeente" in text  # the bars of the categories
    png = client.get(URL, {**SPAN, "format": "png"})
    assert png["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(file_bytes(png)))
    assert image.size == (1240, 1753)  # A4 at 150 dpi
    # Not a blank page: the title's blue is there.
    assert (21, 66, 115) in {px[:3] for px in image.getdata()}


def test_a_small_number_is_no_bar_for_the_mayor(burgemeester, cases):
    text = _text(
        file_bytes(confirmed(login(burgemeester)).get(URL, {**SPAN, "format": "infographic"}))
    )
    assert "< 5" in text


def test_the_council_letter_gives_the_year_against_the_one_before(regisseur, cases):
    import docx

    from weerbaar.reporting.services import narrative_save

    narrative_save(actor=regisseur, year=2019, theme="casussen", text="Twee drugslabs gesloten.")
    response = confirmed(login(regisseur)).get(URL, {**SPAN, "format": "docx"})
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(file_bytes(response)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Aan de gemeenteraad van Weerdam" in text
    assert "Casussen. Twee drugslabs gesloten." in text
    assert "De burgemeester van Weerdam" in text and regisseur.username not in text
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Cijfer", "2018", "2019"]
    assert ["Casussen per categorie", "≥ 10", "≥ 23"] in rows
    assert document.core_properties.author == ""
