"""A data subject's request in a real browser as the FG: the person found by BSN, the
request recorded, a record withheld and a fact annotated, processing restricted, the copy
downloaded after confirming the password; axe-core on each page (#17)."""

import io

import pypdf
import pytest

from tests.browser.conftest import PASSWORD, axe_clean, sign_in
from tests.factories import SignalFactory, make_person
from weerbaar.signals.services import signal_link_subject

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
BSN = "111222333"


def test_the_fg_answers_an_access_request(page, live_server, fg, regisseur):
    person = make_person("Karel de Vries", bsn=BSN)
    signal = SignalFactory()
    signal_link_subject(actor=regisseur, signal=signal, subject=person, role="involved")
    sign_in(page, live_server, "fg")
    page.get_by_role("link", name="Betrokkenen").click()
    page.get_by_text("Hier staan geen verzoeken.").wait_for()
    axe_clean(page, "requests-empty")

    page.get_by_role("link", name="Nieuw verzoek vastleggen").click()
    page.get_by_label("Persoon zoeken").fill(BSN)
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_label("Karel de Vries").check()
    page.get_by_label("Ingediend door").fill("K. de Vries, paspoort gezien")
    axe_clean(page, "request-new")
    page.get_by_role("button", name="Verzoek vastleggen").click()
    page.get_by_text("Het verzoek is vastgelegd").wait_for()
    page.get_by_role("heading", name=signal.reference).wait_for()
    axe_clean(page, "request")

    record = page.locator("section.record", has_text=signal.reference)
    record.locator("summary").click()
    record.get_by_label("Grond").select_option("reporter")
    record.get_by_label("Toelichting").fill("De melder is herkenbaar.")
    record.get_by_role("button", name="Weglaten", exact=True).click()
    page.get_by_text("Het gegeven wordt weggelaten").wait_for()

    page.get_by_label("Waarom de verwerking wordt beperkt").fill("Juistheid betwist.")
    page.get_by_role("button", name="Verwerking beperken").click()
    page.get_by_text("De verwerking is beperkt").wait_for()
    axe_clean(page, "request-restricted")

    page.get_by_role("link", name="Afschrift voor de betrokkene downloaden (pdf)").click()
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    with page.expect_download() as download:
        page.get_by_role("button", name="Bevestigen").click()
    with open(download.value.path(), "rb") as file:
        data = file.read()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Afschrift van uw persoonsgegevens" in text
    assert signal.reference not in text  # withheld
    assert page.foreign_requests == []
