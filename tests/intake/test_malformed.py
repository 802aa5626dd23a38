"""Malformed input answers 400 or 404, never a server error (#12)."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["not-a-uuid", "", "1 OR 1=1", "x" * 500])
def test_my_reports_with_a_malformed_report_field(client, medewerker, value):
    client.force_login(medewerker)
    response = client.post(reverse("intake:my_reports"), {"report": value, "text": "Aanvulling"})
    assert response.status_code == 404


def test_my_reports_without_a_report_field(client, medewerker):
    client.force_login(medewerker)
    assert client.post(reverse("intake:my_reports"), {"text": "Aanvulling"}).status_code == 404


def test_deeply_nested_json_to_the_public_api():
    body = "[" * 100_000 + "]" * 100_000
    response = APIClient().post("/api/v1/meldingen/", body, content_type="application/json")
    assert response.status_code == 400


def test_deeply_nested_json_to_the_staff_api(medewerker):
    client = APIClient()
    client.force_authenticate(medewerker)
    body = '{"description": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post("/api/v1/meldingen/intern/", body, content_type="application/json")
    assert response.status_code == 400


def test_deeply_nested_json_to_any_api_route(client, regisseur):
    client.force_login(regisseur)
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/subjecten/zoeken/", data=body, content_type="application/json")
    assert response.status_code == 400
