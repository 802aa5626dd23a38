"""The path of a signal through triage, enrichment and the LIO, in a real browser."""

import io
from datetime import timedelta

import pypdf
import pytest
from django.utils import timezone

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import UserFactory, make_person, weigh
from weerbaar.meetings import services as meetings
from weerbaar.signals.constants import Channel
from weerbaar.signals.models import Signal
from weerbaar.signals.services import signal_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def setting():
    rianne = UserFactory(username="rianne", roles=["regisseur"], first_name="Rianne")
    partner = UserFactory(username="petra", roles=["ketenpartner"], first_name="Petra")
    make_person("Karel de Bruijn")
    signal = signal_create(
        actor=None,
        channel=Channel.INTERNAL,
        description="Elke nacht busjes bij de loods aan de Havenweg; ramen afgeplakt.",
    )
    series = meetings.series_create(
        actor=rianne,
        name="LIO Weerdam",
        kind="lio",
        interval_weeks=4,
        participants=[rianne, partner],
    )
    meeting = meetings.meeting_plan(
        actor=rianne,
        series=series,
        starts_at=timezone.now() + timedelta(days=2),
        location="Stadhuis",
    )
    return signal, meeting


def test_triage_enrich_and_decide_in_the_lio(page, live_server, setting):
    signal, meeting = setting
    sign_in(page, live_server, "rianne")

    page.get_by_role("link", name="Signalen", exact=True).first.click()
    page.get_by_role("heading", name="Signalen", exact=True).wait_for()
    assert axe_violations(page) == []
    page.locator(f"a[href='/signalen/{signal.uuid}/']").click()

    # triage
    page.get_by_label("Urgentie").select_option("high")
    page.get_by_label("Samenvatting (niet verplicht)").fill("Mogelijk drugslab in loods")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    page.get_by_text("De beoordeling is opgeslagen.").wait_for()
    assert axe_violations(page) == []

    # link a subject found by the fuzzy search
    page.get_by_role("link", name="Subject zoeken en koppelen").click()
    page.get_by_label("Zoek een persoon, organisatie, adres of voertuig").fill("Karel Bruyn")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("button", name="Koppel Karel de Bruijn").click()
    page.get_by_text("Karel de Bruijn is gekoppeld.").wait_for()

    # the privacy weighing, then a graded enrichment shared with the LIO
    page.get_by_text("Leg de afweging vast vóór verrijking met andere bronnen").click()
    form = page.locator("form", has=page.locator("input[name='phase'][value='enrichment']"))
    form.get_by_label("Doel in woorden").fill("Nagaan of in de loods drugs worden gemaakt.")
    form.get_by_label("De inbreuk op de privacy staat in verhouding tot het doel").check()
    form.get_by_label("Proportionaliteit in woorden").fill("Alleen gegevens over deze loods.")
    form.get_by_label("Met een minder ingrijpend middel is het doel niet te bereiken").check()
    form.get_by_label("Subsidiariteit in woorden").fill(
        "Een controle alleen geeft te weinig zicht."
    )
    form.get_by_role("button", name="Afweging vastleggen").click()
    page.get_by_text("De afweging is vastgelegd.").wait_for()
    page.get_by_text("Verrijking toevoegen", exact=True).first.click()
    page.get_by_label("Informatie", exact=True).fill(
        "Netbeheerder meldt driemaal normaal verbruik."
    )
    page.get_by_label("Bron", exact=True).fill("Netbeheerder")
    page.get_by_label("Betrouwbaarheid van de bron").select_option("A")
    page.get_by_label("Betrouwbaarheid van de informatie").select_option("2")
    page.get_by_label("Zichtbaarheid").select_option("lio")
    page.get_by_role("button", name="Verrijking toevoegen").click()
    page.get_by_text("De verrijking is toegevoegd.").wait_for()
    assert page.locator(".grade-badge", has_text="A2").count() == 1
    page.screenshot(path="test-artifacts/signal.png", full_page=True)
    assert axe_violations(page) == []

    # to the LIO
    page.get_by_role("button", name="Naar “In behandeling”").click()
    page.get_by_role("button", name="Naar “Voor het LIO”").click()
    # The message is already on the page from the first step: wait for the second page.
    page.get_by_role("button", name="Naar “Besloten”").wait_for()
    assert Signal.objects.get(pk=signal.pk).status == "for_lio"

    page.goto(f"{live_server.url}/overleg/{meeting.uuid}/")
    candidate = page.locator('input[name="signal"]')
    assert not candidate.first.is_checked()  # the regisseur chooses; nothing pre-ticked (#14)
    candidate.first.check()
    page.get_by_role("button", name="Op de agenda zetten").click()
    page.get_by_text("De agenda is bijgewerkt.").wait_for()
    page.get_by_role("button", name="Delen met de partners").click()
    page.get_by_text("Besluit vastleggen over punt 1").click()
    page.get_by_label("Besluit", exact=True).select_option("inspection")
    page.get_by_label("Besluit in woorden (niet verplicht)").fill(
        "Integrale controle binnen 4 weken."
    )
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("Het besluit is vastgelegd.").wait_for()
    page.screenshot(path="test-artifacts/meeting.png", full_page=True)
    assert axe_violations(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Verslag als pdf").click()
    text = "".join(
        p.extract_text()
        for p in pypdf.PdfReader(io.BytesIO(open(download.value.path(), "rb").read())).pages
    )
    assert "Mogelijk drugslab in loods" in text and "Integrale controle" in text
    assert "A2" in text and "Netbeheerder" in text
    assert page.foreign_requests == []


def test_partner_sees_the_shared_item_only(page, live_server, setting):
    signal, meeting = setting
    rianne = meeting.series.participants.get(username="rianne")
    other = signal_create(actor=None, channel=Channel.INTERNAL, description="Intern signaal Qzx")
    meetings.agenda_add(
        actor=rianne, meeting=meeting, signals_with_reason=[(signal, "new"), (other, "new")]
    )
    weigh(signal, phase="sharing", actor=rianne)
    meetings.item_share(
        actor=rianne,
        item=meeting.items.get(signal=signal),
        shared=True,
        legal_basis="Convenant LIO",
    )
    sign_in(page, live_server, "petra")
    page.get_by_role("link", name="Overleggen").click()
    page.get_by_role(
        "link", name=timezone.localtime(meeting.starts_at).strftime("%-d-%-m-%Y")
    ).click()
    page.get_by_role("heading", name="Agenda").wait_for()
    assert page.locator(".agenda-item").count() == 1
    assert "Qzx" not in page.content()
    assert axe_violations(page) == []
