"""The inbox, "Mijn taken" and the reveal requests in a real browser, with axe-core."""

import pytest

from tests.browser.conftest import axe_violations, sign_in
from tests.browser.test_home import _logout
from tests.conftest import PERSONAS
from tests.home_world import home_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def personas(request):
    return {name: request.getfixturevalue(name) for name in PERSONAS}


def test_regisseur_decides_a_reveal_request_from_its_list(page, live_server, personas, other_team):
    home_world(personas, other_team)
    sign_in(page, live_server, "regisseur")
    page.get_by_role("link", name="1 verzoek wacht op uw goedkeuring.").click()
    page.get_by_role("heading", name="Verzoeken tot onthulling").wait_for()
    assert axe_violations(page) == []
    page.screenshot(path="test-artifacts/reveals.png", full_page=True)
    page.get_by_role("button", name="Weigeren").click()
    page.get_by_text("Geweigerd. De melder blijft afgeschermd.").wait_for()
    assert page.get_by_text("Er wacht geen verzoek tot onthulling op u.").is_visible()
    assert axe_violations(page) == []


def test_the_inbox_marks_new_messages_in_words(page, live_server, personas, other_team):
    home_world(personas, other_team)
    sign_in(page, live_server, "regisseur")
    page.get_by_role("link", name="Berichten (1 nieuw)").click()
    page.get_by_role("heading", name="Berichten").wait_for()
    row = page.get_by_role("row").filter(has_text="wacht op een tweede persoon")
    assert row.get_by_text("Nieuw").is_visible()
    assert axe_violations(page) == []
    page.screenshot(path="test-artifacts/inbox.png", full_page=True)
    row.get_by_role("button", name="Markeer als gelezen").click()
    page.get_by_role("row").filter(has_text="Gelezen").first.wait_for()
    assert page.get_by_text("0 ongelezen berichten").is_visible()
    assert axe_violations(page) == []
    _logout(page)
    sign_in(page, live_server, "fg")
    page.goto(f"{live_server.url}/berichten/")
    page.get_by_text("U heeft geen berichten.").wait_for()
    assert axe_violations(page) == []


def test_toezichthouder_opens_my_tasks_and_marks_one_done(page, live_server, personas, other_team):
    home_world(personas, other_team)
    sign_in(page, live_server, "toezichthouder")
    page.get_by_role("link", name="1 open taak").click()
    page.get_by_role("heading", name="Mijn taken").wait_for()
    assert page.get_by_text("Verborgen").count() == 0  # a task of a case out of sight
    assert axe_violations(page) == []
    page.screenshot(path="test-artifacts/my-tasks.png", full_page=True)
    page.get_by_role("button", name="Afgerond").first.click()
    page.get_by_text("De taak is afgerond.").wait_for()
    page.goto(f"{live_server.url}/mijn-taken/")
    page.get_by_text("U heeft geen open taken.").wait_for()
    assert axe_violations(page) == []
    assert page.foreign_requests == []
