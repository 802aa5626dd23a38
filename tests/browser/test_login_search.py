import pytest

from tests.browser.conftest import axe_violations
from tests.factories import UserFactory, make_address, make_person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def people():
    make_person("Jan van der Berg", bsn="000009830")
    make_person("Johanna de Jong")
    make_address("Kerkstraat", 12, "1234AB", surface_m2=96, use_purpose="woonfunctie")
    UserFactory(username="rianne", roles=["regisseur"], first_name="Rianne")


def test_login_search_and_open_subject(page, live_server, people):
    page.goto(f"{live_server.url}/")
    assert page.url.endswith("/inloggen/?next=/")
    assert axe_violations(page) == []

    page.get_by_label("Gebruikersnaam").fill("rianne")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Welkom, Rianne").wait_for()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Subjecten", exact=True).first.click()
    page.get_by_label("Zoek op naam, adres, postcode, KvK-nummer, BSN of kenteken").fill(
        "J. v.d. Bregh"
    )
    page.get_by_role("button", name="Zoeken").click()
    result = page.get_by_role("link", name="Jan van der Berg")
    result.wait_for()
    assert axe_violations(page) == []

    page.screenshot(path="test-artifacts/search.png", full_page=True)
    result.click()
    page.get_by_role("heading", name="Jan van der Berg").wait_for()
    page.screenshot(path="test-artifacts/subject.png", full_page=True)
    assert "ja (versleuteld opgeslagen)" in page.content()
    assert axe_violations(page) == []
    assert page.foreign_requests == []


def test_bad_input_stays_in_form(page, live_server, people):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("rianne")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/subjecten/nieuw/address/")
    page.get_by_label("Straat").fill("Kerkstraat")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("Postcode (niet verplicht)").fill("12345")
    page.get_by_label("Woonplaats").fill("Weerdam")
    page.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("Vul een geldige postcode in").wait_for()
    assert page.get_by_label("Straat").input_value() == "Kerkstraat"
    assert page.get_by_label("Postcode (niet verplicht)").input_value() == "12345"
    assert axe_violations(page) == []
