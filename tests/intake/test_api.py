import pytest
from rest_framework.test import APIClient

from weerbaar.intake.models import Report
from weerbaar.intake.selectors import report_open

pytestmark = pytest.mark.django_db
TEXT = "Achter de sportschool staan elke nacht busjes met draaiende motor."


def _started(client):
    return client.get("/api/v1/meldingen/").json()["started"]


def test_public_api_gives_a_working_receipt():
    client = APIClient()
    response = client.post(
        "/api/v1/meldingen/",
        {"description": TEXT, "phenomenon": "drugslab", "started": _started(client)},
        format="json",
    )
    assert response.status_code == 201 and response["Cache-Control"] == "no-store"
    body = response.json()
    report = report_open(code=body["receipt_code"], secret=body["secret"])
    assert report.signal.phenomenon.code == "drugslab" and report.channel == "public"


def test_public_api_validates_in_dutch():
    response = APIClient().post("/api/v1/meldingen/", {"description": "kort"}, format="json")
    assert response.status_code == 400
    assert "minimaal 20" in str(response.json()["description"])
    assert not Report.objects.exists()


def test_internal_and_partner_api(medewerker, ketenpartner):
    client = APIClient()
    assert client.post(
        "/api/v1/meldingen/intern/", {"description": TEXT}, format="json"
    ).status_code in (401, 403)
    client.force_authenticate(medewerker)
    assert (
        client.post(
            "/api/v1/meldingen/intern/", {"description": TEXT, "shielded": True}, format="json"
        ).status_code
        == 201
    )
    assert (
        client.post(
            "/api/v1/meldingen/partner/",
            {"description": TEXT, "partner_reference": "X"},
            format="json",
        ).status_code
        == 404
    )
    client.force_authenticate(ketenpartner)
    response = client.post(
        "/api/v1/meldingen/partner/",
        {"description": TEXT, "partner_reference": "RIEC-2026-9"},
        format="json",
    )
    assert response.status_code == 201
    assert Report.objects.get(channel="partner").partner_reference == "RIEC-2026-9"
    assert Report.objects.get(channel="internal").shielded


def test_schema_lists_the_inflows(regisseur):
    client = APIClient()
    client.force_authenticate(regisseur)
    paths = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    assert {"/api/v1/meldingen/", "/api/v1/meldingen/intern/", "/api/v1/meldingen/partner/"} <= set(
        paths
    )
