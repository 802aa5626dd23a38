"""Malformed input answers 400 or 404, never a server error (#12)."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


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
