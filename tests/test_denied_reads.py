"""A refused object leaves the same trace as a missing one, and the refusal is audited (#12).

For every route that names an object, every signed-in principal the table denies asks for
the world's object and for a random id: the answers are byte for byte the same, both leave
exactly one *refused* audit row, and neither leaves anything else.
"""

import uuid

import pytest
from django.urls import reverse

from tests.authorization_table import (
    ADMIN_PREFIX,
    CONFIRM_FIRST,
    EXPECTED_GET,
    OBJECT_PARAMS,
    PUBLIC,
)
from tests.test_authorization import PRINCIPALS, _client, _url, routes
from tests.test_authorization import world as world_fixture  # noqa: F401
from weerbaar.audit.models import AuditRecord

RANDOM = uuid.UUID("00000000-0000-4000-8000-00000000abcd")


def _object_routes():
    for (name, params), kwargs in routes().items():
        if name.startswith(ADMIN_PREFIX) or EXPECTED_GET[name] == PUBLIC:
            continue
        if OBJECT_PARAMS & set(params):
            yield name, kwargs


def _random_url(url: str, real: str) -> str:
    return url.replace(real, str(RANDOM))


def _trace(client, url):
    before = AuditRecord.objects.order_by("-id").values_list("id", flat=True).first() or 0
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(AuditRecord.objects.filter(id__gt=before).values_list("action", "result"))
    return response.status_code, body, rows


@pytest.mark.django_db
@pytest.mark.parametrize("principal", [p for p in PRINCIPALS if p != "anonymous"])
def test_refused_object_is_audited_like_a_missing_one(world_fixture, principal):  # noqa: F811
    users, registry, _hidden = world_fixture
    client = _client(users, principal)
    failures = []
    for name, kwargs in _object_routes():
        if principal in EXPECTED_GET[name] or principal in CONFIRM_FIRST.get(name, ()):
            continue
        url = _url(name, kwargs, registry)
        real_id = next((str(v) for v in _ids(name, kwargs, registry) if str(v) in url), None)
        if real_id is None:
            continue  # the route names no object of the world (a sample id of a form target)
        real = _trace(client, url)
        missing = _trace(client, _random_url(url, real_id))
        if real[0] == missing[0] == 405:
            continue  # a form's target: POST only, the object is never looked up
        # A deactivated user is sent to the login page before any page; nothing to record.
        expected_rows = [] if principal == "deactivated" else [("access.denied", "denied")]
        expected_status = (302, 401, 403) if principal == "deactivated" else (404,)
        if real[0] not in expected_status or real[:2] != missing[:2]:
            failures.append((name, "answer", real[0], missing[0]))
        elif real[2] != expected_rows or missing[2] != expected_rows:
            failures.append((name, "audit", real[2], missing[2]))
    assert not failures, f"{principal}: {failures}"


def _ids(name, kwargs, subject):
    from tests.test_authorization import SIGNALS

    values = [getattr(v, "uuid", None) for v in SIGNALS.values()] + [subject.uuid]
    return [v for v in values if v]


@pytest.mark.django_db
def test_malformed_ids_answer_not_found(world_fixture, client):  # noqa: F811
    users, _registry, _hidden = world_fixture
    client.force_login(users["regisseur"])
    for path in ("subjecten", "casussen", "interventies"):
        response = client.get(f"/api/v1/{path}/{'-' * 36}/")
        assert response.status_code == 404, path
    response = client.get(reverse("cases:create"), {"signal": "x"})
    assert response.status_code == 404
