"""Oversized request bodies are refused on their Content-Length, before a byte is read."""

import pytest
from django.conf import settings
from django.urls import reverse

from weerbaar.core.uploads import MAX_BYTES, MAX_FILES

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


class Body:
    """A request body that is empty, and tells whether anything tried to read it."""

    def __init__(self):
        self.read_from = False

    def read(self, *args):
        self.read_from = True
        return b""

    readline = read


def _post(client, url, length, body=None):
    return client.generic(
        "POST",
        url,
        CONTENT_TYPE="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": body or Body()},
    )


def test_report_larger_than_the_meldpunt_takes_is_refused_unread(client):
    body = Body()
    response = _post(client, reverse("intake:report"), 300 * MB, body)
    assert response.status_code == 413 and not body.read_from
    html = response.content.decode()
    assert "Te groot om te ontvangen" in html
    assert "groter dan 51 MB" in html and "niets bewaard" in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response


def test_api_answers_in_json(client):
    response = _post(client, reverse("api-report-public"), 300 * MB)
    assert response.status_code == 413
    assert "groter dan 51 MB" in response.json()["detail"]


def test_staff_routes_have_the_same_limit(client, regisseur):
    client.force_login(regisseur)
    response = _post(client, reverse("intake:internal"), settings.REQUEST_BODY_MAX_BYTES + 1)
    assert response.status_code == 413


def test_five_full_attachments_and_the_form_fit_under_the_limit():
    assert settings.REQUEST_BODY_MAX_BYTES >= MAX_FILES * MAX_BYTES + 512 * 1024


def test_a_body_at_the_limit_is_read(client):
    body = Body()
    _post(client, reverse("intake:report"), settings.REQUEST_BODY_MAX_BYTES, body)
    assert body.read_from


def test_warehouse_import_keeps_a_large_limit(client, regisseur):
    client.force_login(regisseur)
    body = Body()
    response = _post(client, reverse("warehouse:imports"), 3 * 1024 * MB, body)
    assert response.status_code != 413 and body.read_from
    limit = settings.REQUEST_BODY_LARGE_ROUTES["warehouse:imports"]
    body = Body()
    assert _post(client, reverse("warehouse:imports"), limit + 1, body).status_code == 413
    assert not body.read_from


def test_unknown_route_gets_the_common_limit(client):
    assert _post(client, "/bestaat-niet/", 300 * MB).status_code == 413
