import uuid

import pytest
from rest_framework.test import APIClient

from tests.factories import make_person
from weerbaar.accounts.services import share_grant, token_issue

pytestmark = pytest.mark.django_db


def test_token_search_and_detail(regisseur):
    person = make_person("Pieter Jansen")
    client = APIClient()
    # Search is a POST that only reads: a read key may search.
    key = token_issue(actor=regisseur, scope="read")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    hits = client.post("/api/v1/subjecten/zoeken/", {"q": "Pieter Jansen"}, format="json").json()
    assert hits[0]["subject"]["uuid"] == str(person.uuid)
    detail = client.get(f"/api/v1/subjecten/{person.uuid}/").json()
    assert detail["person"]["surname"] == "Jansen"
    assert "bsn_hash" not in str(detail)


def test_partner_sees_only_shared(ketenpartner, regisseur):
    shared, hidden = make_person("Anna Gedeeld"), make_person("Bert Verborgen")
    share_grant(
        actor=regisseur, obj=shared, user=ketenpartner, purpose="LIO", legal_basis="Convenant LIO"
    )
    client = APIClient()
    client.force_authenticate(ketenpartner)
    listed = client.get("/api/v1/subjecten/").json()
    assert [r["uuid"] for r in listed["results"]] == [str(shared.uuid)]
    assert client.get(f"/api/v1/subjecten/{hidden.uuid}/").status_code == 404
    assert (
        client.get(f"/api/v1/subjecten/{hidden.uuid}/").content
        == client.get(f"/api/v1/subjecten/{uuid.uuid4()}/").content
    )


def test_schema_lists_subject_routes(regisseur):
    client = APIClient()
    client.force_authenticate(regisseur)
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/subjecten/zoeken/" in schema["paths"]
