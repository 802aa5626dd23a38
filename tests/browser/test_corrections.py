"""Correcting in a real browser: close and reopen a signal and a case, remove enrichment and a
note after a confirmation page, correct a subject; axe-core finds nothing on each page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import CaseFactory, SignalFactory, TeamFactory, UserFactory, make_person, weigh
from weerbaar.cases import services as cases
from weerbaar.signals import services as signals

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world():
    team = TeamFactory(name="Handhaving")
    rianne = UserFactory(username="rianne", roles=["regisseur"], first_name="Rianne", teams=[team])
    signal = SignalFactory(description="Hennepkwekerij in de loods.", owner_team=team)
    weigh(signal, phase="enrichment", actor=rianne)
    signals.enrichment_add(
        actor=rianne,
        signal=signal,
        text="Buurman Pietersen ziet 's nachts licht.",
        source="Wijkagent",
        source_date=timezone.localdate() - timedelta(days=1),
        source_grade="B",
        info_grade="2",
    )
    case = CaseFactory(actor=rianne, owner_team=team, title="Loodsweg 3")
    cases.note_add(actor=rianne, case=case, text="Eigenaar heet Jnasen.")
    person = make_person("Karel de Bruyn")
    return signal, case, person


def _clean(page):
    assert axe_violations(page) == []


def test_close_and_reopen_a_signal_and_remove_enrichment(page, live_server, world):
    signal, _case, _person = world
    sign_in(page, live_server, "rianne")
    page.goto(f"{live_server.url}/signalen/{signal.uuid}/")
    page.get_by_label("Reden").first.fill("Geen aanknopingspunten gevonden")
    page.get_by_role("button", name="Naar “Afgesloten”").click()
    page.get_by_text("Bevestig dat u het signaal wilt sluiten.").wait_for()
    page.get_by_label("Ja, sluit dit signaal").check()
    page.get_by_role("button", name="Naar “Afgesloten”").click()
    page.get_by_text("De status is gewijzigd.").wait_for()
    page.locator("summary", has_text="Signaal heropenen").click()
    page.locator("#correct_reason").fill("Nieuwe melding over dezelfde loods")
    page.get_by_role("button", name="Signaal heropenen").click()
    page.get_by_text("Het signaal is heropend.").wait_for()
    assert (
        "Nieuwe melding over dezelfde loods" in page.locator("#timeline-heading + ol").inner_text()
    )
    _clean(page)

    page.locator("summary", has_text="Corrigeren").first.click()
    page.get_by_role("link", name="Verwijderen de informatie van Wijkagent").click()
    page.get_by_role(
        "heading", name=f"Deze verrijking verwijderen uit signaal {signal.reference}?"
    ).wait_for()
    _clean(page)
    page.get_by_label("Reden van verwijderen").fill("Over een ander adres")
    page.get_by_role("button", name="Verrijking verwijderen").click()
    page.get_by_text("Bevestig het verwijderen.").wait_for()
    page.get_by_label("Ja, verwijder het").check()
    page.get_by_role("button", name="Verrijking verwijderen").click()
    page.get_by_text("De verrijking is verwijderd.").wait_for()
    assert "Pietersen" not in page.content()
    assert "Over een ander adres" in page.content()
    _clean(page)


def test_close_and_reopen_a_case_remove_a_note_and_correct_a_person(page, live_server, world):
    _signal, case, person = world
    sign_in(page, live_server, "rianne")
    page.goto(f"{live_server.url}/casussen/{case.uuid}/")
    page.locator("summary", has_text="Casus afsluiten").click()
    page.get_by_label("Resultaat").select_option("Maatregel uitgevoerd")
    page.get_by_role("button", name="Casus afsluiten").click()
    page.get_by_text("Bevestig dat u de casus wilt sluiten.").wait_for()
    page.get_by_label("Ja, sluit deze casus").check()
    page.get_by_role("button", name="Casus afsluiten").click()
    page.get_by_text("De casus is afgesloten.").wait_for()
    page.locator("summary", has_text="Casus heropenen").click()
    page.locator("#reopen_reason").fill("Bezwaar gegrond verklaard")
    page.get_by_role("button", name="Casus heropenen").click()
    page.get_by_text("De casus is heropend.").wait_for()
    _clean(page)

    page.locator("#notes-heading ~ div summary").first.click()
    page.get_by_role("link", name="Verwijderen de notitie van").click()
    _clean(page)
    page.get_by_label("Reden van verwijderen").fill("Hoort in een ander dossier")
    page.get_by_label("Ja, verwijder het").check()
    page.get_by_role("button", name="Notitie verwijderen").click()
    page.get_by_text("De notitie is verwijderd.").wait_for()
    assert "Jnasen" not in page.content()

    page.goto(f"{live_server.url}/subjecten/{person.uuid}/wijzigen/")
    _clean(page)
    page.get_by_label("Achternaam").fill("Bruijn")
    page.get_by_role("button", name="Correctie opslaan").click()
    page.get_by_role("heading", name="Karel de Bruijn").wait_for()
