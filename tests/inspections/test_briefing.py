"""The briefing PDF per partner: only what that partner may see, as a sandboxed download,
audited (#15)."""

import io

import pypdf
import pytest
from django.urls import reverse

from tests.factories import login
from tests.inspections.world import items_of, planned
from weerbaar.audit.models import AuditRecord
from weerbaar.inspections import services
from weerbaar.inspections.models import Inspection, PartnerKind

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    data = b"".join(response.streaming_content)
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


@pytest.fixture
def inspection(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    services.safety_record(
        actor=toezichthouder,
        inspection=inspection,
        asked_on=inspection.planned_on,
        answered_on=inspection.planned_on,
        outcome="Geen bijzonderheden bekend",
    )
    services.research_add(
        actor=toezichthouder,
        inspection=inspection,
        business=inspection.businesses.get(),
        source_url="https://example.org/nieuws",
        consulted_on=inspection.planned_on,
        found="Eigenaar eerder failliet",
        source_grade="B",
        info_grade="2",
    )
    fire = PartnerKind.objects.get(code="brandweer")
    services.findings_record(
        actor=toezichthouder,
        inspection=inspection,
        partner=fire,
        results={items_of("brandweer")[0]: ("violation", "Nooduitgang geblokkeerd")},
    )
    Inspection.objects.filter(pk=inspection.pk).update(
        purpose="Melding van een buurman over drugshandel"
    )
    return inspection


def test_the_briefing_of_the_police_holds_its_checklist_and_not_the_others(
    toezichthouder, inspection
):
    police = PartnerKind.objects.get(code="politie")
    before = AuditRecord.objects.count()
    response = login(toezichthouder).get(
        reverse("inspections:briefing", args=[inspection.uuid]), {"partner": police.pk}
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    text = _text(response)
    assert inspection.reference in text and "Havenstraat 3" in text
    assert "Shisha Lounge Haven" in text and "Geen bijzonderheden bekend" in text
    assert all(item.text in text for item in items_of("politie"))
    assert items_of("brandweer")[0].text not in text
    for secret in ("Nooduitgang geblokkeerd", "Eigenaar eerder failliet", "buurman"):
        assert secret not in text
    rows = AuditRecord.objects.filter(id__gt=before, action="inspections.briefing")
    assert [(r.object_id, r.changes["new"]["partner"]) for r in rows] == [
        (str(inspection.uuid), "politie")
    ]


def test_the_fire_brigade_reads_its_own_findings_in_its_briefing(toezichthouder, inspection):
    fire = PartnerKind.objects.get(code="brandweer")
    response = login(toezichthouder).get(
        reverse("inspections:briefing", args=[inspection.uuid]), {"partner": fire.pk}
    )
    assert "Nooduitgang geblokkeerd" in _text(response)


def test_a_partner_that_takes_no_part_or_an_outsider_gets_nothing(
    toezichthouder, outsider, inspection
):
    url = reverse("inspections:briefing", args=[inspection.uuid])
    absent = PartnerKind.objects.get(code="belastingdienst")
    assert login(toezichthouder).get(url, {"partner": absent.pk}).status_code == 404
    assert login(toezichthouder).get(url, {"partner": "x"}).status_code == 404
    police = PartnerKind.objects.get(code="politie")
    assert login(outsider).get(url, {"partner": police.pk}).status_code == 404
    assert not AuditRecord.objects.filter(action="inspections.briefing").exists()
