"""Re-authentication before an export (SECURITY.md P29)."""

import time

import pytest
from django.urls import reverse

from tests.exports import PURPOSE, read_csv
from tests.factories import SignalFactory, UserFactory
from weerbaar.audit.models import AuditRecord
from weerbaar.core.reauth import SESSION_KEY

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"  # tests/factories.UserFactory


def _export(client):
    return client.get(reverse("signals:list"), {"format": "csv", "doel": PURPOSE})


def test_an_export_asks_for_the_password_first_and_then_goes_on(client, regisseur):
    SignalFactory()
    client.force_login(regisseur)
    asked = _export(client)
    assert asked.status_code == 302 and asked["Location"].startswith(reverse("accounts:reauth"))
    assert not AuditRecord.objects.filter(action="export.made").exists()
    page = client.get(asked["Location"]).content.decode()
    assert "Bevestig dat u het bent" in page and 'name="next"' in page
    wrong = client.post(asked["Location"], {"secret": "fout", "next": _next(asked)})
    assert "Dat klopt niet" in wrong.content.decode()
    right = client.post(asked["Location"], {"secret": PASSWORD, "next": _next(asked)})
    assert right.status_code == 302 and "format=csv" in right["Location"]
    rows = read_csv(client.get(right["Location"]))
    assert len(rows) == 3
    results = list(
        AuditRecord.objects.filter(action="accounts.reauthenticated")
        .order_by("id")
        .values_list("result", flat=True)
    )
    assert results == ["denied", "allowed"]


def _next(response) -> str:
    from urllib.parse import parse_qs, urlparse

    return parse_qs(urlparse(response["Location"]).query)["next"][0]


def test_the_confirmation_expires(client, regisseur, settings):
    client.force_login(regisseur)
    session = client.session
    session[SESSION_KEY] = time.time() - settings.REAUTH_SECONDS - 1
    session.save()
    assert _export(client).status_code == 302


def test_five_wrong_passwords_end_the_session(client):
    user = UserFactory(username="probeerder", roles=["regisseur"])
    client.force_login(user)
    for _ in range(5):
        response = client.post(reverse("accounts:reauth"), {"secret": "fout", "next": "/"})
    assert response["Location"] == reverse("accounts:login")
    assert client.get(reverse("signals:list")).status_code == 302  # logged out


def test_next_never_leaves_the_site(client, regisseur):
    client.force_login(regisseur)
    response = client.post(
        reverse("accounts:reauth"), {"secret": PASSWORD, "next": "https://elders.example/"}
    )
    assert response["Location"] == "/"
