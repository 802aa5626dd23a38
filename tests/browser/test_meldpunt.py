import pytest

from tests.browser.conftest import axe_violations
from tests.factories import UserFactory
from weerbaar.signals.models import Signal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_anonymous_report_and_dialogue(browser, page, live_server):
    UserFactory(username="rianne", roles=["regisseur"], first_name="Rianne")
    # The reporter's browser runs without JavaScript: the public pages must work without it.
    reporter = browser.new_context(java_script_enabled=False, bypass_csp=True, locale="nl-NL")
    public = reporter.new_page()
    public.goto(f"{live_server.url}/melden/")
    assert axe_violations(page_with_js(browser, f"{live_server.url}/melden/")) == []
    public.get_by_label("Veel mensen ingeschreven of wonend in één huis").check()
    public.get_by_label("Beschrijf wat u hebt gezien of weet").fill(
        "In het huis op de hoek wonen minstens twaalf mensen en er komen steeds nieuwe bij."
    )
    public.get_by_label("Waar is het? (niet verplicht)").fill("Hoek Kerkstraat / Molenweg")
    from tests.intake.test_uploads import jpeg_with_gps

    public.get_by_label("Foto's of documenten (niet verplicht)").set_input_files(
        [{"name": "voordeur.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    public.get_by_role("button", name="Melding versturen").click()
    public.get_by_role("heading", name="Dank u wel, we hebben uw melding ontvangen").wait_for()
    page_with_js(browser, public.url, html=public.content())  # axe on the receipt page
    code = public.locator("#receipt-code").inner_text()
    secret = public.locator("#receipt-secret").inner_text()

    signal = Signal.objects.get()
    assert signal.reports.get().attachments.get().file_name == "voordeur.jpg"
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("rianne")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/signalen/{signal.uuid}/")
    page.get_by_label("Bericht aan de melder (niet verplicht)").fill(
        "Weet u hoe lang dit al zo is?"
    )
    page.get_by_label("Dit is een vraag die de melder kan beantwoorden").check()
    page.get_by_role("button", name="Versturen naar de melder").click()
    page.get_by_text("Weet u hoe lang dit al zo is?").wait_for()
    assert axe_violations(page) == []

    public.goto(f"{live_server.url}/melden/opvolgen/")
    public.get_by_label("Ontvangstcode").fill(code)
    public.get_by_label("Geheim").fill(secret)
    public.get_by_role("button", name="Toon mijn melding").click()
    public.get_by_text("Vraag van de gemeente").wait_for()
    assert "Weet u hoe lang dit al zo is?" in public.content()
    public.get_by_label("Uw antwoord of extra informatie").fill(
        "Sinds de zomer, ongeveer vier maanden."
    )
    public.get_by_role("button", name="Versturen", exact=True).click()
    public.get_by_text("Uw bericht is verstuurd").wait_for()
    assert page_with_js(browser, public.url, html=public.content()) is not None
    public.reload()  # no "send the form again?": the answer page was a redirect (#14)
    public.get_by_text("Uw bericht is verstuurd").wait_for()
    page.reload()
    page.get_by_text("Sinds de zomer, ongeveer vier maanden.").wait_for()
    assert page.get_by_text("Sinds de zomer, ongeveer vier maanden.").count() == 1
    reporter.close()


def page_with_js(browser, url, html=None):
    """A JavaScript-enabled page with the same content, for axe (which is a script)."""
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    checked = context.new_page()
    if html is None:
        checked.goto(url)
    else:
        checked.goto(url.split("/melden")[0] + "/gezondheid/")
        checked.set_content(html)
        assert axe_violations(checked) == []
    return checked
