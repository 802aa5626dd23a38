"""The Bibob compartment (Wet Bibob art. 28): a screening with canary strings in its fields is
sought on every route by every principal outside the compartment, and found by none; the
Bibob role and a colleague it was shared with do see it.

The screening's own fields carry ``CANARY``; its applicant and party, subjects of another
team, carry ``PERSON``: the roles that keep the subject register see those people there (it is
not the screening), every other principal must not meet their names anywhere."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.authorization_table import ADMIN_PREFIX, EXPECTED_GET
from tests.factories import ScreeningFactory, make_person
from tests.test_authorization import PRINCIPALS, _client, _url, routes
from tests.test_authorization import world as world_fixture  # noqa: F401
from weerbaar.audit.models import AuditRecord
from weerbaar.screening import services
from weerbaar.screening.lists import Entry
from weerbaar.screening.models import ChecklistItem

CANARY = b"Bibobkanarie"
PERSON = b"Zzyzxaanvrager"
MISSING = "00000000-0000-4000-8000-000000000000"
OUTSIDE = [p for p in PRINCIPALS if p not in ("bibob_coordinator", "anonymous")]


@pytest.fixture
def screening(world_fixture, other_team):  # noqa: F811
    users, _registry, _hidden = world_fixture
    coordinator = users["bibob_coordinator"]
    s = ScreeningFactory(
        actor=coordinator,
        applicant=make_person("Anna Zzyzxaanvrager", owner_team=other_team),
        alert_reference="Bibobkanarie-alert",
    )
    party = services.party_add(
        actor=coordinator,
        screening=s,
        subject=make_person("Frits Zzyzxaanvrager", owner_team=other_team),
        role="financier",
    )
    services.finding_record(
        actor=coordinator,
        screening=s,
        item=ChecklistItem.objects.get(code="antecedenten"),
        text="Bibobkanarie in het nieuws",
        source_grade="B",
        info_grade="2",
    )
    s = services.screening_record_intention(
        actor=coordinator,
        screening=s,
        version=s.version,
        intention="refuse",
        intention_sent_on=timezone.localdate(),
    )
    s.letter = services.letter_make(actor=coordinator, screening=s, kind="voornemen")
    s.party = party
    # A checked list is in the compartment too: its description and names carry the canary.
    s.checked_list = services.list_check(
        actor=coordinator,
        title="Bibobkanarie Zzyzxaanvrager rapportage",
        entries=[Entry(1, "Zzyzxaanvrager Lijst"), Entry(2, "Bibobkanarie B.V.")],
    )
    return s


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _walk(client, screening, registry, canaries=(CANARY,)) -> list[tuple[str, int]]:
    found = []
    for (name, _params), kwargs in routes().items():
        if name.startswith(ADMIN_PREFIX):
            continue
        # The privacy officer reads the trail about everything (#14): not the file itself.
        if name == "audit:list":
            continue
        kwargs = {
            **kwargs,
            **({"screening_id": screening.uuid} if "screening_id" in kwargs else {}),
            **({"letter_id": screening.letter.uuid} if "letter_id" in kwargs else {}),
            **({"party_id": screening.party.pk} if "party_id" in kwargs else {}),
            **({"list_id": screening.checked_list.uuid} if "list_id" in kwargs else {}),
        }
        if None in kwargs.values():
            continue  # a route without a sample value fails tests/test_authorization.py
        response = client.get(_url(name, kwargs, registry))
        body = _body(response)
        if any(c in body for c in (*canaries, screening.reference.encode())):
            found.append((name, response.status_code))
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("principal", OUTSIDE)
def test_a_screening_never_leaks_outside_the_compartment(world_fixture, screening, principal):  # noqa: F811
    users, registry, _hidden = world_fixture
    client = _client(users, principal)
    bodies = [
        client.post(reverse("subjects:search"), {"q": "Bibobkanarie"}).content,
        client.post("/api/v1/subjecten/zoeken/", {"q": "Bibobkanarie"}).content,
    ]
    canaries = (CANARY,) if principal in EXPECTED_GET["subject-detail"] else (CANARY, PERSON)
    assert not [b for b in bodies if b"Bibobkanarie-alert" in b or b"nieuws" in b]
    assert _walk(client, screening, registry, canaries) == []


@pytest.mark.django_db
@pytest.mark.parametrize("principal", OUTSIDE)
def test_a_hidden_screening_answers_like_a_missing_one(world_fixture, screening, principal):  # noqa: F811
    users, _registry, _hidden = world_fixture
    client = _client(users, principal)
    hidden_ones = [
        (route, screening.uuid)
        for route in (
            "screening:detail",
            "screening:party_find",
            "screening:share",
            "screening:copy",
        )
    ] + [
        ("screening:list_detail", screening.checked_list.uuid),
        ("screening:letter", screening.letter.uuid),
    ]
    for route, uuid in hidden_ones:
        before = AuditRecord.objects.order_by("-id").values_list("id", flat=True).first()
        hidden = client.get(reverse(route, args=[uuid]))
        rows = list(AuditRecord.objects.filter(id__gt=before).values_list("action", flat=True))
        missing = client.get(reverse(route, args=[MISSING]))
        if principal == "deactivated":
            assert hidden.status_code == missing.status_code == 302
            continue
        assert (hidden.status_code, hidden.content) == (404, missing.content)
        assert rows == ["access.denied"]


@pytest.mark.django_db
def test_the_walk_would_find_the_canary(world_fixture, screening):  # noqa: F811
    """The Bibob role sees the screening on its list and page: the probe above is live."""
    users, registry, _hidden = world_fixture
    found = dict(_walk(_client(users, "bibob_coordinator"), screening, registry, (PERSON,)))
    assert found["screening:detail"] == 200
    assert found["screening:list"] == 200
    assert found["screening:list_detail"] == 200
    assert found["screening:lists"] == 200


@pytest.mark.django_db
def test_a_share_opens_the_screening_until_its_day(world_fixture, screening):  # noqa: F811
    users, _registry, _hidden = world_fixture
    colleague = users["behandelaar"]
    client = _client(users, "behandelaar")
    assert client.get(reverse("screening:detail", args=[screening.uuid])).status_code == 404
    coordinator = _client(users, "bibob_coordinator")
    response = coordinator.post(
        reverse("screening:share", args=[screening.uuid]),
        {
            "user": colleague.pk,
            "until": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "purpose": "Juridische toets van het besluit",
        },
    )
    assert response.status_code == 302
    assert AuditRecord.objects.filter(
        action="accounts.share_granted", object_id=str(screening.uuid)
    ).exists()
    page = client.get(reverse("screening:detail", args=[screening.uuid]))
    assert page.status_code == 200 and CANARY in page.content and PERSON in page.content
    assert client.get(reverse("screening:list")).status_code == 200
    # Reading is all a share gives: the steps are the Bibob role's.
    refused = client.post(
        reverse("screening:steps", args=[screening.uuid]),
        {"version": screening.version, "questionnaire_sent_on": date.today().isoformat()},
    )
    assert refused.status_code == 404
    # The menu item is the role's alone.
    assert b'href="/bibob/"' not in client.get(reverse("home")).content
    assert b'href="/bibob/"' in coordinator.get(reverse("home")).content


@pytest.mark.django_db
def test_an_expired_share_closes_the_screening_again(world_fixture, screening):  # noqa: F811
    from freezegun import freeze_time

    users, _registry, _hidden = world_fixture
    services.screening_share(
        actor=users["bibob_coordinator"],
        screening=screening,
        user=users["medewerker"],
        until=timezone.localdate(),
        purpose="Advies",
    )
    from weerbaar.screening.selectors import screenings_visible_to

    assert list(screenings_visible_to(users["medewerker"])) == [screening]
    with freeze_time(timezone.now() + timedelta(days=2)):
        assert list(screenings_visible_to(users["medewerker"])) == []
