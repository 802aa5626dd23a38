"""Rijker verantwoorden: a narrative per theme beside the figures, and an adopted year whose
figures stay as they were, a later correction shown beside them (#16)."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from freezegun import freeze_time

from tests.exports import confirmed, file_bytes
from tests.factories import CaseFactory, login
from tests.reporting import westland
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.models import Case, CaseType
from weerbaar.reporting import services
from weerbaar.reporting.selectors import yearly_report

pytestmark = pytest.mark.django_db

URL = reverse("reporting:report")


@pytest.fixture
def cases(regisseur, other_team):
    westland.load(regisseur, other_team)


def _row(user, label, years=range(2016, 2020)):
    table = next(
        t for s in yearly_report(user=user, years=years) for t in s.tables if t.key == "casuistiek"
    )
    return next(r for r in table.rows if r.label == label)


@freeze_time("2020-02-01")
def test_an_adopted_year_keeps_its_figures_and_shows_a_correction(regisseur, other_team, cases):
    services.year_adopt(actor=regisseur, year=2019)
    sluiting = CaseType.objects.get(reporting_category="Hennep/drugs sluiting gemeente")
    # A case of 2019 registered late, after the year was adopted.
    with freeze_time("2019-11-01"):
        CaseFactory(actor=regisseur, owner_team=other_team, case_type=sluiting)
    row = _row(regisseur, "Hennep/drugs sluiting gemeente")
    assert row.pairs == [(2, None), (3, None), (8, None), (8, 9)]
    total = _row(regisseur, "Totaal")
    assert total.pairs[-1] == (29, 30)
    page = confirmed(login(regisseur)).get(URL, {"van": 2016, "tot": 2019}).content.decode()
    assert "(nu 9)" in page and "Vastgesteld" in page
    query = {"van": 2016, "tot": 2019, "format": "csv", "doel": "Controle van de vaststelling"}
    text = file_bytes(confirmed(login(regisseur)).get(URL, query)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    changed = rows[rows.index(["Gewijzigd sinds vaststelling"]) + 2 :]
    assert ["Casussen per categorie", "Hennep/drugs sluiting gemeente", "2019", "8", "9"] in changed


@freeze_time("2020-02-01")
def test_a_row_the_data_lost_keeps_its_adopted_figure(regisseur, cases):
    services.year_adopt(actor=regisseur, year=2019)
    Case.objects.filter(case_type__reporting_category="Witwassen").delete()
    # Nothing is left to see behind the adopted 1, so it is shown as small to anyone.
    assert _row(regisseur, "Witwassen").pairs[-1] == ("< 5", 0)


@freeze_time("2020-02-01")
def test_narratives_are_written_until_the_year_is_adopted(regisseur, cases):
    client = confirmed(login(regisseur))
    url = reverse("reporting:narrative", args=[2019, "casussen"])
    text = "In 2019 zijn twee drugslabs gesloten op grond van artikel 13b Opiumwet."
    assert client.post(url, {"text": text, "van": 2016}).status_code == 302
    page = client.get(URL, {"van": 2016, "tot": 2019}).content.decode()
    assert text in page
    assert "Wijzig de toelichting" in page or "Toelichting wijzigen" in page
    # Adopting needs the confirmation; then the year and its narratives are frozen.
    client.post(reverse("reporting:adopt", args=[2019]), {"van": 2016})
    assert not AuditRecord.objects.filter(action="reporting.adopted").exists()
    client.post(reverse("reporting:adopt", args=[2019]), {"van": 2016, "confirm": "on"})
    assert AuditRecord.objects.filter(action="reporting.adopted").count() == 1
    with pytest.raises(ValidationError):
        services.narrative_save(actor=regisseur, year=2019, theme="casussen", text="Anders")
    page = client.get(URL, {"van": 2016, "tot": 2019}).content.decode()
    assert text in page and 'name="text"' not in page


@freeze_time("2019-06-01")
def test_a_year_not_ended_cannot_be_adopted(regisseur):
    with pytest.raises(ValidationError):
        services.year_adopt(actor=regisseur, year=2019)


def test_the_mayor_reads_but_does_not_write(burgemeester):
    client = confirmed(login(burgemeester))
    url = reverse("reporting:narrative", args=[2019, "casussen"])
    assert client.post(url, {"text": "Niet van mij"}).status_code == 404
    assert (
        client.post(reverse("reporting:adopt", args=[2019]), {"confirm": "on"}).status_code == 404
    )
    assert not AuditRecord.objects.filter(action="reporting.narrative").exists()
