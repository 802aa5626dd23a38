"""One click from a closed inspection to a Damocles measure: the case it needs, then the
case's "new intervention" page with the measure proposed (#15)."""

import pytest
from django.urls import reverse

from tests.factories import login
from tests.inspections.world import items_of, planned
from weerbaar.cases.models import Case, CaseType
from weerbaar.inspections import services
from weerbaar.inspections.models import PartnerKind
from weerbaar.interventions.models import Instrument

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    services.findings_record(
        actor=toezichthouder,
        inspection=inspection,
        partner=PartnerKind.objects.get(code="politie"),
        results={items_of("politie")[0]: ("violation", "Hennepkwekerij op zolder")},
    )
    return services.inspection_close(
        actor=toezichthouder, inspection=inspection, outcome="findings"
    )


def test_the_regisseur_goes_from_the_findings_to_a_damocles_closure(regisseur, closed):
    client = login(regisseur)
    detail = client.get(reverse("inspections:detail", args=[closed.uuid]))
    assert [key for key, _label in detail.context["measures"]] == ["damocles"]
    response = client.post(
        reverse("inspections:to_measure", args=[closed.uuid]), {"maatregel": "damocles"}
    )
    case = Case.objects.get()
    assert case.case_type.code == "hennep-sluiting" and case.origin == closed.reference
    assert "Hennepkwekerij op zolder" in case.notes.get().text
    start = reverse("interventions:start", args=[case.uuid])
    assert response["Location"] == f"{start}?maatregel=damocles-sluiting"
    form = client.get(response["Location"]).context["form"]
    assert form.initial["instrument"] == Instrument.objects.get(code="damocles-sluiting").pk
    closed.refresh_from_db()
    assert closed.made_case == case


def test_who_may_not_start_a_measure_lands_on_the_case(toezichthouder, closed):
    response = login(toezichthouder).post(
        reverse("inspections:to_measure", args=[closed.uuid]), {"maatregel": "damocles"}
    )
    case = Case.objects.get()
    assert response["Location"] == reverse("cases:detail", args=[case.uuid])


def test_an_unknown_measure_or_an_open_inspection_makes_no_case(regisseur, toezichthouder, team):
    client = login(regisseur)
    still_open = planned(toezichthouder, team)
    url = reverse("inspections:to_measure", args=[still_open.uuid])
    assert client.post(url, {"maatregel": "onbekend"}).status_code == 302
    client.post(url, {"maatregel": "damocles"})  # not closed yet: refused with a message
    assert not Case.objects.exists()


def test_the_start_page_ignores_an_unknown_measure(regisseur, closed):
    case = services.inspection_to_case(
        actor=regisseur,
        inspection=closed,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
    )
    page = login(regisseur).get(
        reverse("interventions:start", args=[case.uuid]), {"maatregel": "bestaat-niet"}
    )
    assert "instrument" not in page.context["form"].initial
