"""List screening, the copy for the applicant and the year overview in a real browser, with
axe-core on every new page (#15). The new texts are looked up by their element, since their
Dutch is added to the catalogue separately."""

import pytest

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import ScreeningFactory
from tests.screening.test_lists import town, warehouse  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _clean(page, name):
    assert axe_violations(page) == [], name
    page.screenshot(path=f"test-artifacts/{name}.png", full_page=True)


def test_a_list_is_checked_and_the_year_shown(page, live_server, town, bibob_coordinator):  # noqa: F811
    ScreeningFactory(actor=bibob_coordinator)
    sign_in(page, live_server, "bibob_coordinator")
    page.goto(f"{live_server.url}/bibob/")
    page.locator("#year-overview table").first.wait_for()  # loaded into the page by htmx
    _clean(page, "screening-list-year")

    page.goto(f"{live_server.url}/bibob/lijsten/")
    _clean(page, "screening-lists-empty")
    page.goto(f"{live_server.url}/bibob/lijsten/nieuw/")
    page.locator("#id_title").fill("Bestuurlijke rapportage Loodsweg")
    page.locator("#id_text").fill(";01-01-1980;")
    page.locator("form[enctype] button[type=submit]").click()
    page.locator(".utrecht-form-field-error-message").wait_for()
    _clean(page, "screening-list-refused")
    page.locator("#id_text").fill("P.J. Vandenberg;05-03-1980;\nLoods;;12345678")
    page.locator("form[enctype] button[type=submit]").click()
    page.get_by_text("Pieter Jan van den Berg").first.wait_for()
    page.get_by_text("Damocles-sluiting").wait_for()
    _clean(page, "screening-list-detail")
    page.goto(f"{live_server.url}/bibob/lijsten/")
    page.get_by_role("link", name="Bestuurlijke rapportage Loodsweg").wait_for()
    _clean(page, "screening-lists")
    assert page.foreign_requests == []
