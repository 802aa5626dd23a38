"""The FG's oversight pages in a real browser: the review of access rights (both lists, the
sign-off), the week's unusual access and the processing register; axe-core on each state
(#17)."""

import pytest

from tests.browser.conftest import axe_clean, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_fg_signs_off_the_quarterly_review(page, live_server, fg, regisseur, medewerker):
    sign_in(page, live_server, "fg")
    page.get_by_role("link", name="Toegangsreview").click()
    page.get_by_text("Nog niet afgetekend voor").wait_for()
    table = page.get_by_role("table", name="Review van toegangsrechten")
    assert "regisseur" in table.inner_text() and "medewerker" not in table.inner_text()
    axe_clean(page, "access-review")
    page.get_by_label("Bevindingen").fill("Rollen nagelopen met de teamleiders.")
    page.get_by_role("button", name="aftekenen").click()
    page.get_by_text("is afgetekend; de lijst wordt bewaard").wait_for()
    page.get_by_role("table", name="Eerdere reviews").wait_for()
    axe_clean(page, "access-review-signed")
    page.get_by_role("link", name="Alle gebruikers (jaarlijks)").click()
    assert "medewerker" in page.get_by_role("table", name="Review van toegangsrechten").inner_text()
    axe_clean(page, "access-review-all")
    assert page.foreign_requests == []


def test_the_fg_reads_the_weeks_unusual_access(page, live_server, fg):
    sign_in(page, live_server, "fg")
    page.get_by_role("link", name="Audittrail", exact=True).click()
    page.get_by_role("link", name="Ongewone toegang per week").click()
    page.get_by_role("heading", name="Ongewone toegang", exact=True).wait_for()
    page.get_by_role("heading", name="Een reeks geweigerde toegangen").wait_for()
    axe_clean(page, "unusual-access")
    page.get_by_role("link", name="Vorige week").click()
    page.get_by_role("heading", name="Ongewone toegang", exact=True).wait_for()
    assert page.foreign_requests == []


def test_the_fg_reads_the_register_beside_practice(page, live_server, fg):
    sign_in(page, live_server, "fg")
    page.get_by_role("link", name="Bewaren").click()
    page.get_by_role("link", name="Het verwerkingsregister naast de praktijk").click()
    page.get_by_role("heading", name="Meldpunt ondermijning").wait_for()
    page.get_by_role("heading", name="Praktijk: bewaartermijnen ingesteld en toegepast").wait_for()
    axe_clean(page, "processing-register")
    assert page.foreign_requests == []
