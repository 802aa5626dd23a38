"""What the API answers matches what its schema says (#12): every object the world's
regisseur reads through the API validates against the generated OpenAPI schema, and a
filter's unknown value answers 400 instead of being ignored."""

import jsonschema
import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.test_authorization import SIGNALS
from tests.test_authorization import world as world_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def _json_schema(node):
    """OpenAPI 3.0's ``nullable`` as JSON Schema (``jsonschema`` does not know it)."""
    if isinstance(node, list):
        return [_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _json_schema(v) for k, v in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


@pytest.fixture
def schema():
    document = SchemaGenerator().get_schema(request=None, public=True)
    return _json_schema(document)


def _response_schema(schema, template: str) -> dict:
    body = schema["paths"][template]["get"]["responses"]["200"]["content"]["application/json"]
    return {**body["schema"], "components": schema["components"]}


def _check(client, schema, url: str, template: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    data = response.json()
    jsonschema.validate(data, _response_schema(schema, template))
    return data


def test_responses_match_the_schema(world_fixture, client, schema):  # noqa: F811
    users, registry, _hidden = world_fixture
    client.force_login(users["regisseur"])
    subjects = _check(client, schema, "/api/v1/subjecten/", "/api/v1/subjecten/")
    kinds = {s["kind"] for s in subjects["results"]}
    assert {"person"} <= kinds
    for subject in subjects["results"]:
        url = f"/api/v1/subjecten/{subject['uuid']}/"
        detail = _check(client, schema, url, "/api/v1/subjecten/{uuid}/")
        assert detail[detail["kind"]] is not None  # the details of its own kind
        _check(client, schema, url + "relaties/", "/api/v1/subjecten/{uuid}/relaties/")
    _check(client, schema, "/api/v1/casussen/", "/api/v1/casussen/")
    case = SIGNALS["case_id"].uuid
    _check(client, schema, f"/api/v1/casussen/{case}/", "/api/v1/casussen/{uuid}/")
    intervention = SIGNALS["intervention_id"].uuid
    _check(client, schema, f"/api/v1/interventies/{intervention}/", "/api/v1/interventies/{uuid}/")
    for query in ("", "?scope=team&window=all", "?window=overdue"):
        _check(client, schema, f"/api/v1/termijnen/{query}", "/api/v1/termijnen/")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/casussen/?state=half",
        "/api/v1/casussen/?riec=no",
        "/api/v1/termijnen/?scope=everyone",
        "/api/v1/termijnen/?window=year",
    ],
)
def test_an_unknown_filter_value_is_refused(world_fixture, client, url):  # noqa: F811
    users, _registry, _hidden = world_fixture
    client.force_login(users["regisseur"])
    response = client.get(url)
    assert response.status_code == 400
    name = url.split("?")[1].split("=")[0]
    assert "is een ongeldige keuze" in response.json()[name][0]


def test_schema_lists_the_checked_filters(schema):
    params = schema["paths"]["/api/v1/termijnen/"]["get"]["parameters"]
    window = next(p for p in params if p["name"] == "window")
    assert window["schema"]["enum"] == ["all", "overdue", "week"] or set(
        window["schema"]["enum"]
    ) == {"week", "overdue", "all"}
