"""The police compartment (Wpg art. 7, SECURITY.md P20a/P42): the world's police information
(tests/test_authorization.py) carries ``POLICE_CANARY`` in its summary and text and a police
reference; every route is walked by every principal outside the compartment and none meets
any of it, in HTML, JSON, CSV, PDF or XLSX. The two roles named for its purpose on its case
do read it, so the probe is live."""

import io
import zipfile

import pypdf
import pytest
from django.urls import reverse

from tests.authorization_table import ADMIN_PREFIX, POLICE
from tests.exports import file_bytes
from tests.test_authorization import POLICE_CANARY, PRINCIPALS, SIGNALS, _client, _url, routes
from tests.test_authorization import world as world_fixture  # noqa: F401
from weerbaar.audit.models import AuditRecord

MISSING = "00000000-0000-4000-8000-000000000000"
OUTSIDE = [p for p in PRINCIPALS if p not in POLICE and p != "anonymous"]
POLICE_REFERENCE = "PL1500-2026-123456"


def _texts(body: bytes) -> bytes:
    """The body as its reader sees it: a PDF's text, an XLSX's sheets, else the bytes."""
    if body.startswith(b"%PDF"):
        try:
            reader = pypdf.PdfReader(io.BytesIO(body))
            return body + " ".join(p.extract_text() for p in reader.pages).encode()
        except pypdf.errors.PdfReadError:
            return body  # the world's sample document is a few bytes, not a real PDF
    if body.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return body + b"".join(archive.read(n) for n in archive.namelist())
    return body


def _canaries(provision) -> tuple[bytes, ...]:
    return (POLICE_CANARY.encode(), POLICE_REFERENCE.encode(), provision.reference.encode())


def _walk(client, registry, canaries) -> dict[str, int]:
    found = {}
    for (name, _params), kwargs in routes().items():
        if name.startswith(ADMIN_PREFIX):
            continue
        # The privacy officer reads the trail about everything (#14): its numbers, not its text.
        seen = canaries[:2] if name == "audit:list" else canaries
        response = client.get(_url(name, kwargs, registry))
        if any(c in _texts(file_bytes(response)) for c in seen):
            found[name] = response.status_code
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("principal", OUTSIDE)
def test_police_information_never_leaks_outside_the_compartment(world_fixture, principal):  # noqa: F811
    users, registry, _hidden = world_fixture
    provision = SIGNALS["provision_id"]
    client = _client(users, principal)
    searches = [
        client.post(reverse("subjects:search"), {"q": POLICE_CANARY}),
        client.post("/api/v1/subjecten/zoeken/", {"q": POLICE_CANARY}),
        client.get(reverse("signals:list"), {"q": POLICE_CANARY}),
    ]
    # A search page shows its query again: what must not come back is what the police gave.
    leaks = (b"inhoud van de rapportage", POLICE_REFERENCE.encode(), provision.reference.encode())
    assert not [r for r in searches if any(c in file_bytes(r) for c in leaks)]
    by_number = client.get(reverse("cases:list"), {"q": provision.reference})
    assert provision.case.reference.encode() not in file_bytes(by_number)
    assert _walk(client, registry, _canaries(provision)) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("principal", OUTSIDE)
def test_hidden_police_information_answers_like_missing(world_fixture, principal):  # noqa: F811
    users, _registry, _hidden = world_fixture
    provision = SIGNALS["provision_id"]
    client = _client(users, principal)
    for route in ("police:detail", "police:edit", "police:destroy"):
        before = AuditRecord.objects.order_by("-id").values_list("id", flat=True).first()
        hidden = client.get(reverse(route, args=[provision.uuid]))
        rows = list(AuditRecord.objects.filter(id__gt=before).values_list("action", flat=True))
        missing = client.get(reverse(route, args=[MISSING]))
        if principal == "deactivated":
            assert hidden.status_code == missing.status_code == 302
            continue
        assert (hidden.status_code, hidden.content) == (404, missing.content)
        assert rows == ["access.denied"]


@pytest.mark.django_db
@pytest.mark.parametrize("principal", sorted(POLICE))
def test_the_walk_would_find_it(world_fixture, principal):  # noqa: F811
    """The roles of the purpose, on the case, read it: the probe above is live."""
    users, registry, _hidden = world_fixture
    provision = SIGNALS["provision_id"]
    found = _walk(_client(users, principal), registry, _canaries(provision))
    assert found == {
        "police:list": 200,
        "police:for_case": 200,
        "police:detail": 200,
        "police:edit": 200,
        "police:destroy": 200,
    }
