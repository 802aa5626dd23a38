"""From an LIO decision to a case, a Damocles closure, its letters and its deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import UserFactory, make_address
from weerbaar.meetings import services as meetings
from weerbaar.signals import services as signals
from weerbaar.signals.constants import Channel

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def decided_signal():
    from tests.factories import TeamFactory

    team = TeamFactory(name="Handhaving")
    rianne = UserFactory(username="rianne", roles=["regisseur"], first_name="Rianne", teams=[team])
    address = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    signal = signals.signal_create(
        actor=None,
        channel=Channel.INTERNAL,
        description="Hennepkwekerij in de loods.",
        address=address,
    )
    signals.signal_triage(
        actor=rianne,
        signal=signal,
        version=0,
        phenomenon=None,
        urgency="high",
        summary="Hennepkwekerij Loodsweg 3",
    )
    signals.weighing_record(
        actor=rianne,
        signal=signal,
        phase="case",
        purpose="administrative",
        purpose_text="Een sluiting voorbereiden.",
        proportional=True,
        proportionality_text="Ernstige feiten op dit adres.",
        subsidiary=True,
        subsidiarity_text="Een waarschuwing volstaat niet.",
    )
    series = meetings.series_create(
        actor=rianne, name="LIO Weerdam", kind="lio", interval_weeks=4, participants=[rianne]
    )
    meeting = meetings.meeting_plan(
        actor=rianne, series=series, starts_at=timezone.now() + timedelta(hours=1)
    )
    meetings.agenda_add(actor=rianne, meeting=meeting, signals_with_reason=[(signal, "new")])
    return meeting


def _day(days_ago: int) -> str:
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


def test_case_from_lio_decision_to_closure_letter_and_deadline(page, live_server, decided_signal):
    meeting = decided_signal
    sign_in(page, live_server, "rianne")
    page.goto(f"{live_server.url}/overleg/{meeting.uuid}/")
    page.get_by_text("Besluit vastleggen over punt 1").click()
    page.get_by_label("Besluit", exact=True).select_option("open_case")
    page.get_by_label("Casustype (bij het openen van een casus) (niet verplicht)").select_option(
        label="Hennep/drugs sluiting gemeente"
    )
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("Het besluit is vastgelegd.").wait_for()
    page.get_by_role("link", name="Hennepkwekerij Loodsweg 3").click()
    page.get_by_role("heading", name="Hennepkwekerij Loodsweg 3").wait_for()
    page.get_by_role("link", name="Interventie starten").wait_for()  # loaded by htmx
    assert axe_violations(page) == []

    page.get_by_role("link", name="Interventie starten").click()
    page.get_by_label("Maatregel", exact=True).select_option(label="Sluiting (Damocles)")
    page.get_by_label("Pand (niet verplicht)").select_option("business")
    page.get_by_label("Bevinding (niet verplicht)").select_option("hemp")
    page.get_by_label(
        "Duur in maanden (verplicht bij een sluiting, tenzij voor onbepaalde tijd)"
    ).fill("3")
    page.get_by_role("button", name="Interventie starten").click()
    page.get_by_text("De interventie is gestart.").wait_for()
    assert "Sluiting (Damocles) voor 3 maanden" in page.content()  # what the matrix suggests

    page.get_by_label("Voornemen verstuurd op (niet verplicht)").fill(_day(20))
    page.get_by_label("Zienswijze ontvangen op (niet verplicht)").fill(_day(8))
    page.get_by_label("Besluit genomen op (niet verplicht)").fill(_day(5))
    page.get_by_label("Besluit bekendgemaakt op (niet verplicht)").fill(_day(4))
    page.get_by_role("button", name="Procedure opslaan").click()
    page.get_by_text("De procedure is bijgewerkt.").wait_for()
    assert "Einde van de bezwaartermijn" in page.content()
    assert axe_violations(page) == []

    # The decision letter waits for what it must say (tests/browser/test_letters.py makes it).
    assert "Besluit: Leg eerst vast: proces-verbaal of bestuurlijke rapportage van" in (
        page.inner_text("main")
    )

    page.get_by_role("link", name="Termijnen").click()
    page.get_by_label("Wanneer (niet verplicht)").select_option("all")
    page.get_by_role("button", name="Tonen").click()
    page.get_by_role("cell", name="Einde van de bezwaartermijn").wait_for()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/casussen/")
    page.get_by_role("link", name="Hennepkwekerij Loodsweg 3").wait_for()
    assert axe_violations(page) == []
    assert page.foreign_requests == []
