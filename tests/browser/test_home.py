"""The start page of each of the nine roles, with their work, in a real browser."""

import pytest

from tests.browser.conftest import axe_violations, sign_in
from tests.conftest import PERSONAS
from tests.home_world import home_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def personas(request):
    return {name: request.getfixturevalue(name) for name in PERSONAS}


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_label("Gebruikersnaam").wait_for()


def test_every_role_start_page_is_accessible(page, live_server, personas, other_team):
    home_world(personas, other_team)
    for role in sorted(PERSONAS):
        sign_in(page, live_server, role)
        assert axe_violations(page) == [], role
        page.screenshot(path=f"test-artifacts/home-{role}.png", full_page=True)
        _logout(page)
    assert page.foreign_requests == []


def test_regisseur_follows_a_count_to_its_list(page, live_server, personas, other_team):
    home_world(personas, other_team)
    sign_in(page, live_server, "regisseur")
    page.get_by_role("link", name="1 open attendering").click()
    page.get_by_role("heading", name="Attenderingen").first.wait_for()
    assert axe_violations(page) == []
