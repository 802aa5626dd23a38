"""The letter flow of a Damocles closure in a real browser: voornemen, zienswijze
(ontvangstbevestiging), besluit, bezwaar, beslissing op bezwaar, each letter made and kept in
the case file; and the beheerder's editor of the letter texts."""

from datetime import timedelta

import docx
import pytest
from django.utils import timezone

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import TeamFactory, UserFactory, make_address
from weerbaar.cases import services as cases
from weerbaar.cases.models import CaseType
from weerbaar.interventions import services
from weerbaar.interventions.models import Instrument

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def closure():
    team = TeamFactory(name="Handhaving")
    bart = UserFactory(
        username="bart", roles=["behandelaar"], first_name="Bart", last_name="Bos", teams=[team]
    )
    case = cases.case_open(
        actor=bart,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
        title="Hennepkwekerij Loodsweg 3",
        owner_team=team,
        subjects=[(make_address("Loodsweg", 3, "6981AB", "Doesburg"), "location")],
    )
    return services.intervention_start(
        actor=bart,
        case=case,
        instrument=Instrument.objects.get(code="damocles-sluiting"),
        premise_type="business",
        finding="hemp",
        offence=1,
        duration_months=3,
    )


def _day(days_ago: int) -> str:
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


def _save_steps(page, fields: dict):
    for label, value in fields.items():
        field = page.get_by_label(label, exact=True)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.get_by_role("button", name="Procedure opslaan").click()
    page.get_by_text("De procedure is bijgewerkt.").wait_for()


def _make(page, title: str, word: bool = False) -> str:
    """Open the letter's page, make it and return the text of the page afterwards."""
    page.get_by_role("link", name=title, exact=True).click()
    page.get_by_role("heading", name="De brief", exact=True).wait_for()
    assert axe_violations(page) == [], title
    if word:
        page.get_by_label("Word (om te bewerken voor verzending)").check()
    page.get_by_role("button", name="Brief maken en bewaren in het dossier").click()
    page.get_by_text("De brief is gemaakt en bewaard in het dossier (versie 1).").wait_for()
    assert axe_violations(page) == [], title
    text = page.inner_text("main")
    page.screenshot(path=f"test-artifacts/letter-{title.replace(' ', '-')}.png", full_page=True)
    page.get_by_role("link", name="Terug naar de maatregel Sluiting (Damocles)").click()
    return text


def test_the_letters_of_a_closure_step_by_step(page, live_server, closure):
    reference = closure.case.reference
    sign_in(page, live_server, "bart")
    page.goto(f"{live_server.url}/interventies/{closure.uuid}/")
    page.get_by_role("heading", name="Brieven").wait_for()
    assert "Deze brief kan worden gemaakt zodra de dag is vastgelegd" in page.content()
    assert page.get_by_role("link", name="Voornemen", exact=True).count() == 0

    _save_steps(
        page,
        {
            "Proces-verbaal of bestuurlijke rapportage van (verplicht voor de brieven)": _day(30),
            "Kenmerk van dat rapport (verplicht voor de brieven)": "PL0600-2026-4711",
            "Voornemen verstuurd op (niet verplicht)": _day(25),
        },
    )
    text = _make(page, "Voornemen")
    assert "PL0600-2026-4711" in text and "uw zienswijze geven, uiterlijk op" in text
    assert f"{reference} voornemen.pdf" in text and "door Bart Bos" in text

    _save_steps(
        page,
        {
            "Zienswijze ontvangen op (niet verplicht)": _day(15),
            "De zienswijze in het kort (verplicht voor het besluit als er een zienswijze kwam)": (
                "De huurder wist van niets."
            ),
            "Onze reactie op de zienswijze (verplicht voor het besluit als er een zienswijze "
            "kwam)": "De huurder is verantwoordelijk.",
        },
    )
    text = _make(page, "Ontvangstbevestiging zienswijze")
    assert "hebben wij uw zienswijze ontvangen" in text

    _save_steps(
        page,
        {
            "Besluit genomen op (niet verplicht)": _day(10),
            "Evenredigheid: de afgewogen belangen (verplicht voor de besluitbrief)": (
                "Brandgevaar voor de buren."
            ),
            "De maatregel gaat in op (verplicht voor het besluit over een maatregel met een "
            "duur)": (timezone.localdate() + timedelta(days=5)).isoformat(),
            "Besluit bekendgemaakt op (niet verplicht)": _day(9),
        },
    )
    text = _make(page, "Besluit", word=True)
    assert "voorlopige voorziening" in text and "Sluiting (Damocles)" in text
    with page.expect_download() as download:
        page.get_by_role("link", name=f"{reference} besluit.docx").click()
    letter = "\n".join(p.text for p in docx.Document(download.value.path()).paragraphs)
    assert "De burgemeester van Weerdam" in letter and "Bart" not in letter
    assert "Brandgevaar voor de buren." in letter

    _save_steps(page, {"Bezwaar ontvangen op (niet verplicht)": _day(5)})
    assert "Deze brief kan worden gemaakt zodra de dag is vastgelegd waarop op het bezwaar" in (
        page.content()
    )
    _save_steps(
        page,
        {
            "Op bezwaar beslist op (niet verplicht)": _day(1),
            "Uitkomst van het bezwaar (verplicht voor de beslissing op bezwaar)": "unfounded",
            "Motivering van de beslissing op bezwaar (verplicht voor de beslissing op bezwaar)": (
                "Geen nieuwe feiten."
            ),
        },
    )
    text = _make(page, "Beslissing op bezwaar")
    assert "Wij verklaren uw bezwaar ongegrond." in text and "beroep instellen bij de" in text
    assert axe_violations(page) == []
    assert page.foreign_requests == []


def test_the_beheerder_edits_a_letter_text_with_a_preview(page, live_server):
    UserFactory(username="bert", roles=["beheerder"], is_staff=True)
    sign_in(page, live_server, "bert")
    page.goto(f"{live_server.url}/interventies/briefteksten/")
    page.get_by_role("heading", name="Briefteksten").wait_for()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Besluit", exact=True).click()
    page.get_by_role("heading", name="Briefteksten: Besluit").wait_for()
    assert "Voorbeeldstraat 1" in page.inner_text("main")  # the preview of a sample
    assert axe_violations(page) == []

    decided = page.get_by_label("Het besluit", exact=True)
    decided.fill("Wij sluiten {adres}: {maatregl}.")
    page.get_by_role("button", name="Teksten opslaan").click()
    page.get_by_text("Onbekend invulveld {maatregl}.").wait_for()
    assert axe_violations(page) == []
    page.screenshot(path="test-artifacts/letter-texts-refused.png", full_page=True)
    page.get_by_label("Het besluit", exact=True).fill("Wij sluiten {adres}: {maatregel}.")
    page.get_by_role("button", name="Voorbeeld met deze teksten").click()
    page.get_by_text(
        "Wij sluiten Voorbeeldstraat 1, 6981 AA Weerdam: Sluiting (Damocles)"
    ).wait_for()
    page.get_by_role("button", name="Teksten opslaan").click()
    page.get_by_text("De teksten van de brief zijn opgeslagen.").wait_for()

    page.get_by_text("Standaardtekst terugzetten", exact=True).first.click()
    page.get_by_label(
        "Ja, vervang de eigen teksten van deze brief door de standaardteksten"
    ).check()
    page.get_by_role("button", name="Standaardtekst terugzetten").click()
    page.get_by_text("De standaardteksten van de brief staan er weer.").wait_for()
    assert axe_violations(page) == []
    assert page.foreign_requests == []
