"""The case-file rule in one selector (#13): the team reads the whole file; a partner with a
share reads the heading and only the tasks given to them."""

import pytest
from django.http import Http404
from django.utils import timezone

from tests.cases.world import CASE_CANARY, case_world
from tests.factories import UserFactory
from weerbaar.cases import selectors
from weerbaar.cases.services import task_add

pytestmark = pytest.mark.django_db
ROLES = ("regisseur", "behandelaar", "toezichthouder", "ketenpartner")


@pytest.fixture
def world(team):
    users = {role: UserFactory(username=role, roles=[role], teams=[team]) for role in ROLES}
    return users, case_world(users)


def test_the_team_reads_the_whole_file(world):
    users, objs = world
    case = objs["case_id"]
    readable = selectors.case_file(user=users["behandelaar"], case=case)
    assert readable.whole
    assert [n.text for n in readable.notes] == [f"{CASE_CANARY} intern"]
    assert readable.documents and readable.tasks and readable.timeline
    assert selectors.case_file_get(user=users["behandelaar"], case_id=case.uuid) == case


def test_a_partner_reads_the_heading_and_own_tasks_only(world):
    users, objs = world
    case, partner = objs["case_id"], users["ketenpartner"]
    own = task_add(
        actor=users["regisseur"],
        case=case,
        description="Politie: BIBOB-check",
        owner=partner,
        due_on=timezone.localdate(),
    )
    assert selectors.case_get(user=partner, case_id=case.uuid) == case  # the heading
    readable = selectors.case_file(user=partner, case=case)
    assert not readable.whole
    assert readable.tasks == [own]
    parts = ("subjects", "signals", "notes", "repeats", "documents", "members", "timeline")
    assert all(getattr(readable, part) == [] for part in parts)
    with pytest.raises(Http404):
        selectors.case_file_get(user=partner, case_id=case.uuid)
    assert not selectors.case_files_visible_to(partner).exists()


def test_the_api_renders_what_the_selector_allows(world, client):
    users, objs = world
    case = objs["case_id"]
    client.force_login(users["ketenpartner"])
    heading = client.get(f"/api/v1/casussen/{case.uuid}/").json()
    assert "subjects" not in heading and heading["title"] == case.title
    client.force_login(users["behandelaar"])
    assert "subjects" in client.get(f"/api/v1/casussen/{case.uuid}/").json()
