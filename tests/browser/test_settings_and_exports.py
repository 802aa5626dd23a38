"""The beheerder's settings, the privacy officer's audit page and the regisseur's bulk work,
in a real browser with axe-core on every new page (#14)."""

import pytest

from tests.browser.conftest import PASSWORD, axe_clean, sign_in
from tests.factories import AlertFactory, MeetingFactory, SignalFactory, UserFactory, make_person
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_beheerder_keeps_the_settings_and_the_users(page, live_server, beheerder, team):
    sign_in(page, live_server, "beheerder")
    page.get_by_role("link", name="Instellingen").first.click()
    page.get_by_role("heading", name="Instellingen").wait_for()
    axe_clean(page, "settings-index")
    page.get_by_role("link", name="Fenomenen").click()
    axe_clean(page, "settings-phenomena")
    page.get_by_role("link", name="Toevoegen").click()
    page.get_by_label("Code").fill("woonfraude")
    page.get_by_label("Naam").fill("Woonfraude")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("“Woonfraude” is opgeslagen.").wait_for()
    page.goto(f"{live_server.url}/instellingen/drempels/")
    axe_clean(page, "settings-thresholds")
    page.goto(f"{live_server.url}/instellingen/gebruikers/nieuw/")
    axe_clean(page, "settings-user-new")
    page.get_by_label("Gebruikersnaam").fill("k.jansen")
    page.get_by_label("Voornaam").fill("Karin")
    page.get_by_label("Achternaam").fill("Jansen")
    page.get_by_label("Medewerker", exact=True).check()
    page.get_by_label("Regisseur", exact=False).first.check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het account k.jansen is aangemaakt.").wait_for()
    page.get_by_role("heading", name="Rolverzoeken die wachten op een tweede persoon").wait_for()
    axe_clean(page, "settings-users")
    assert page.foreign_requests == []


def test_the_privacy_officer_finds_a_subject_and_checks_the_trail(page, live_server, fg, regisseur):
    person = make_person("Priscilla Ozturk")
    audit_record(actor=regisseur, action=AuditAction.SUBJECT_VIEWED, subject_ref=person.uuid)
    sign_in(page, live_server, "fg")
    page.goto(f"{live_server.url}/audit/")
    page.get_by_text("Een subject zoeken op naam of adres").click()
    page.get_by_label("Naam of adres van een subject").fill("Priscilla Ozturk")
    page.get_by_role("button", name="Subject zoeken").click()
    axe_clean(page, "audit-find")
    page.get_by_role("link", name="Priscilla Ozturk").click()
    page.get_by_role("link", name="Priscilla Ozturk").first.wait_for()
    page.get_by_role("button", name="Audittrail controleren op wijzigingen").click()
    page.get_by_text("De audittrail is heel").wait_for()
    axe_clean(page, "audit-checked")
    page.goto(f"{live_server.url}/audit/exportverzoeken/")
    axe_clean(page, "export-requests")


def test_the_regisseur_works_through_lists_in_one_go(page, live_server, regisseur):
    analyst = UserFactory(
        username="analist", first_name="Anna", last_name="Lyse", roles=["regisseur"]
    )
    SignalFactory(), SignalFactory()
    MeetingFactory(actor=regisseur)
    AlertFactory(), AlertFactory()
    sign_in(page, live_server, "regisseur")
    page.goto(f"{live_server.url}/signalen/")
    axe_clean(page, "signals-bulk")
    boxes = page.locator('input[name="signals"]')
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_label("Toewijzen aan").select_option(str(analyst.pk))
    page.get_by_role("button", name="Toewijzen", exact=True).click()
    page.get_by_text("Toewijzen aan Anna Lyse: 2 signalen.").wait_for()
    page.goto(f"{live_server.url}/pakhuis/attenderingen/")
    page.locator('input[name="alerts"]').nth(0).check()
    page.get_by_label("Waarom hebben de aangevinkte attenderingen geen vervolg nodig?").fill(
        "Bekend studentenhuis met vergunning."
    )
    page.get_by_label("Ja, wijs alle aangevinkte attenderingen af met deze reden").check()
    page.get_by_role("button", name="Aangevinkte attenderingen afwijzen").click()
    page.get_by_text("1 attendering afgewezen.").wait_for()
    axe_clean(page, "alerts-bulk")
    # an export asks for the password first
    page.goto(f"{live_server.url}/signalen/")
    page.get_by_text("Deze lijst exporteren").click()
    page.get_by_label("Doel van de export").fill("Overzicht voor het driehoeksoverleg")
    with page.expect_download() as download:
        page.get_by_role("button", name="Downloaden als CSV").click()
        page.get_by_role("heading", name="Bevestig dat u het bent").wait_for()
        axe_clean(page, "reauth")
        page.get_by_label("Uw wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Bevestigen").click()
    assert download.value.suggested_filename.endswith(".csv")
    assert page.foreign_requests == []
