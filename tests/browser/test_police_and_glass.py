"""Police information and opening another team's record with a reason, in a real browser
with axe-core on every new page (#17): the case officer records a bestuurlijke rapportage
from the case page and reads it back; an inspector of another team opens a signal with a
reason and ends it; the FG judges the opening."""

import pytest
from django.utils import timezone

from tests.browser.conftest import axe_clean, sign_in
from tests.factories import CaseFactory, SignalFactory, TeamFactory, UserFactory
from weerbaar.cases.services import member_set

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_case_officer_records_police_information(page, live_server, regisseur, behandelaar):
    case = CaseFactory(actor=regisseur, title="Loods aan de Havenweg")
    member_set(actor=regisseur, case=case, user=behandelaar, role="behandelaar")
    sign_in(page, live_server, "behandelaar")
    page.get_by_role("link", name="Politie-informatie", exact=True).click()
    page.get_by_text("Er is geen politie-informatie die u mag lezen.").wait_for()
    axe_clean(page, "police-list-empty")

    page.goto(f"{live_server.url}/casussen/{case.uuid}/")
    page.get_by_role("heading", name="Politie-informatie").wait_for()
    page.get_by_role("link", name="Politie-informatie vastleggen").click()
    axe_clean(page, "police-new")
    page.get_by_label("Doel").select_option(label="Sluiting van een woning of lokaal")
    page.get_by_label("Grondslag").select_option(
        label="Wpg art. 16: verstrekking aan de burgemeester"
    )
    page.get_by_label("Verstrekt door").fill("Politie eenheid Den Haag")
    page.get_by_label("Ontvangen op").fill(timezone.localdate().isoformat())
    page.get_by_label("Samenvatting").fill("Hennepkwekerij aangetroffen, stroom afgetapt.")
    page.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("De politie-informatie is vastgelegd.").wait_for()
    page.get_by_text("Verstrekt voor: Sluiting van een woning of lokaal").wait_for()
    axe_clean(page, "police-detail")
    page.get_by_role("link", name="Vernietigen").click()
    axe_clean(page, "police-destroy")
    page.get_by_label("Waarom het wordt vernietigd").fill("Voor een andere casus verstrekt.")
    page.get_by_role("button", name="Definitief vernietigen").click()
    page.get_by_text("is vernietigd").wait_for()
    # The case page loads its police panel after it: let it finish before the test ends.
    page.get_by_text("Geen politie-informatie in deze casus die u mag lezen.").wait_for()
    assert page.foreign_requests == []


def test_an_inspector_opens_a_signal_with_a_reason_and_the_fg_judges_it(
    page, live_server, team, fg
):
    signal = SignalFactory(owner_team=team)
    UserFactory(username="nachtdienst", roles=["toezichthouder"], teams=[TeamFactory()])
    sign_in(page, live_server, "nachtdienst")
    page.get_by_role("link", name="Openen met reden").click()
    page.get_by_text("U heeft geen dossier open met een reden.").wait_for()
    axe_clean(page, "glass-empty")
    page.get_by_label("Signaal- of casusnummer").fill(signal.reference)
    page.get_by_label("Waarom u het nu moet openen").fill("Sluiting vannacht, team onbereikbaar.")
    page.get_by_role("button", name="Openen met deze reden").click()
    page.get_by_text("Bevestig dat u dit begrijpt.").wait_for()
    axe_clean(page, "glass-invalid")
    page.get_by_label("Ik begrijp dat dit openen").check()
    page.get_by_role("button", name="Openen met deze reden").click()
    page.get_by_text(f"U kunt {signal.reference} openen tot").wait_for()
    page.get_by_role("link", name="Openen met reden").click()
    axe_clean(page, "glass-open")
    page.get_by_role("button", name=f"Openen van {signal.reference} beëindigen").click()
    page.get_by_text(f"Het openen van {signal.reference} is beëindigd.").wait_for()

    page.context.clear_cookies()
    sign_in(page, live_server, "fg")
    page.get_by_role("link", name="Audittrail", exact=True).click()
    page.get_by_role("link", name="Ongewone toegang per week").click()
    page.get_by_role("link", name="Geopend met een reden").click()
    axe_clean(page, "glass-openings")
    page.get_by_role("table").get_by_role("link").first.click()
    page.get_by_role("heading", name="Wat de gebruiker ermee deed").wait_for()
    axe_clean(page, "glass-opening")
    page.get_by_label("Niet terecht").check()
    page.get_by_role("button", name="Oordeel vastleggen").click()
    page.get_by_text("Schrijf op wat niet terecht was").wait_for()
    page.get_by_label("Terecht", exact=True).check()
    page.get_by_role("button", name="Oordeel vastleggen").click()
    page.get_by_text("Niets te beoordelen.").wait_for()
    assert page.foreign_requests == []
