"""A horeca application through the Bibob screening in a real browser, with axe-core on every
new page (#15): questionnaire, LBB request (the decision term moves by the suspension), advice
"minder ernstige mate" and a decision with conditions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import axe_clean, sign_in
from tests.factories import OrganisationFactory, UserFactory, make_person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _day(days_ago: int) -> str:
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


def test_a_horeca_application_through_the_screening(page, live_server, bibob_coordinator):
    OrganisationFactory(name="Eetcafé De Gouden Leeuw")
    make_person("Piet Pandbezit")
    UserFactory(username="jurist", first_name="Joke", last_name="Jurist", roles=["behandelaar"])
    sign_in(page, live_server, "bibob_coordinator")
    page.get_by_role("link", name="Bibob", exact=True).click()
    page.get_by_role("heading", name="Bibob-screenings").wait_for()
    page.get_by_text("Geen screenings bij deze filters.").wait_for()
    axe_clean(page, "screening-list-empty")

    page.get_by_role("link", name="Screening starten").click()
    page.get_by_label("Zoek de aanvrager").fill("Gouden Leeuw")
    page.get_by_role("button", name="Zoeken").click()
    axe_clean(page, "screening-applicant-search")
    page.get_by_role("link", name="Kies Eetcafé De Gouden Leeuw als aanvrager").click()
    page.get_by_label("Soort vergunning").select_option(label="Drank- en horecavergunning")
    page.get_by_label("Aanvraag ontvangen op").fill(_day(60))
    axe_clean(page, "screening-new")
    page.get_by_role("button", name="Start de screening").click()
    page.get_by_text("De screening is gestart.").wait_for()
    axe_clean(page, "screening-detail-new")

    # An LBB request before the questionnaire is back: the message next to the field.
    page.get_by_label("Vragenlijst verstuurd op").fill(_day(55))
    page.get_by_label("Advies gevraagd aan het LBB op").fill(_day(40))
    page.get_by_role("button", name="Stappen opslaan").click()
    page.get_by_text(
        "Vraag het advies van het LBB pas aan als de vragenlijst compleet terug is."
    ).wait_for()
    axe_clean(page, "screening-step-refused")
    page.get_by_label("Vragenlijst compleet terug op").fill(_day(45))
    page.get_by_label("Aanvrager over de adviesaanvraag geïnformeerd op").fill(_day(40))
    page.get_by_role("button", name="Stappen opslaan").click()
    page.get_by_text("De stappen zijn opgeslagen.").wait_for()
    # While the advice is pending the decision term is suspended for the LBB's whole term.
    page.get_by_text("verschoven met").first.wait_for()

    # The terms are on the deadline overview too, in the Bibob role's own table.
    page.get_by_role("link", name="Termijnen", exact=True).click()
    page.get_by_label("Wanneer").select_option(value="all")
    page.get_by_role("button", name="Tonen").click()
    page.get_by_role("table", name="Bibob-screenings").get_by_text("Advies van het LBB").wait_for()
    axe_clean(page, "screening-deadline-overview")
    page.get_by_role("table", name="Bibob-screenings").get_by_role("link").first.click()

    page.get_by_label("Advies ontvangen op").fill(_day(5))
    page.get_by_label("Mate van gevaar").select_option(label="Een minder ernstige mate van gevaar")
    page.get_by_role("button", name="Stappen opslaan").click()
    page.get_by_text("verschoven met 35 dagen opschorting").wait_for()

    page.get_by_role("link", name="Betrokkene noemen").click()
    page.get_by_label("Zoek een persoon of organisatie").fill("Piet Pandbezit")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_label("Rol").select_option(label="Pandeigenaar")
    axe_clean(page, "screening-party-find")
    page.get_by_role("button", name="Noem Piet Pandbezit").click()
    page.get_by_text("Piet Pandbezit: Pandeigenaar").wait_for()

    page.get_by_text("Bevinding vastleggen").click()
    page.get_by_label("Punt van de checklist").select_option(label="Financiering")
    page.get_by_label("Bevinding", exact=True).fill("Lening van een onbekende stichting")
    page.get_by_label("Betrouwbaarheid van de bron").select_option(value="B")
    page.get_by_label("Betrouwbaarheid van de informatie").select_option(value="2")
    page.get_by_role("button", name="Bevinding opslaan").click()
    page.get_by_text("De bevinding is opgeslagen.").wait_for()

    # Conditions are adverse: the decision waits for the intention and the opinion.
    page.locator("#decision_decision").select_option(label="Verleend onder voorwaarden")
    page.get_by_label("Besloten op").fill(_day(1))
    page.locator("#decision_conditions").fill("Geen wisseling van leidinggevende zonder melding.")
    page.get_by_label("Ik bevestig het besluit").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("Verstuur eerst het voornemen").wait_for()
    axe_clean(page, "screening-decision-refused")

    page.locator("#intention_intention").select_option(label="Verlenen onder voorwaarden")
    page.get_by_label("Voornemen verstuurd op").fill(_day(4))
    page.get_by_role("button", name="Voornemen opslaan").click()
    page.get_by_text("Noem de voorwaarden van de vergunning.").first.wait_for()
    page.get_by_label("Voorgenomen voorwaarden").fill(
        "Geen wisseling van leidinggevende zonder melding."
    )
    page.get_by_role("button", name="Voornemen opslaan").click()
    page.get_by_text("Het voornemen is opgeslagen.").wait_for()
    page.get_by_role("button", name="Brief maken: voornemen (PDF)").click()
    page.get_by_text("De brief is gemaakt en bij de screening bewaard.").wait_for()
    with page.expect_download() as download:
        page.get_by_role("table", name="Gemaakte brieven").get_by_role("link").first.click()
    assert download.value.suggested_filename.endswith("voornemen.pdf")
    page.get_by_label("Zienswijze ontvangen op").fill(_day(2))
    page.get_by_label("De zienswijze in het kort").fill("De leidinggevende blijft dezelfde.")
    page.get_by_role("button", name="Voornemen opslaan").click()
    page.get_by_text("Het voornemen is opgeslagen.").wait_for()
    axe_clean(page, "screening-intention")

    page.locator("#decision_decision").select_option(label="Verleend onder voorwaarden")
    page.get_by_label("Besloten op").fill(_day(1))
    page.get_by_label("De reactie op de zienswijze").fill("Daarom blijft de voorwaarde staan.")
    page.get_by_label("Ik bevestig het besluit").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("Het besluit is vastgelegd.").wait_for()
    page.get_by_role("button", name="Brief maken: besluit (PDF)").click()
    page.get_by_text("De brief is gemaakt en bij de screening bewaard.").wait_for()
    page.get_by_text("Een minder ernstige mate van gevaar").first.wait_for()
    axe_clean(page, "screening-decided")

    page.get_by_role("link", name="Terug naar de screenings").click()
    page.get_by_text("1 screening", exact=True).wait_for()
    axe_clean(page, "screening-list")
    assert page.foreign_requests == []


def test_the_coordinator_shares_a_screening(page, live_server, bibob_coordinator):
    from tests.factories import ScreeningFactory

    UserFactory(username="jurist", first_name="Joke", last_name="Jurist", roles=["behandelaar"])
    screening = ScreeningFactory(actor=bibob_coordinator)
    sign_in(page, live_server, "bibob_coordinator")
    page.goto(f"{live_server.url}/bibob/{screening.uuid}/delen/")
    page.get_by_text("Met niemand gedeeld.").wait_for()
    page.get_by_label("Collega").select_option(label="Joke Jurist (jurist)")
    page.get_by_label("Tot en met").fill(_day(-14))
    page.get_by_label("Doel").fill("Juridische toets van het besluit")
    page.get_by_role("button", name="Delen", exact=True).click()
    page.get_by_text("De screening is gedeeld.").wait_for()
    axe_clean(page, "screening-share")
