"""The retention page in a real browser as the FG: the trial run, a hold placed and lifted,
the register; axe-core on each state (#17)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import axe_clean, sign_in
from tests.factories import CaseFactory, SignalFactory
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import Signal
from weerbaar.signals.services import signal_set_status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_fg_tries_the_job_and_holds_a_case(page, live_server, fg, regisseur):
    signal = SignalFactory()
    signal_set_status(actor=regisseur, signal=signal, status=SignalStatus.CLOSED, reason="Niets.")
    # Its keep-until day has passed: the trial run lists it.
    Signal.objects.filter(pk=signal.pk).update(
        retain_until=timezone.localdate() - timedelta(days=1)
    )
    case = CaseFactory(actor=regisseur)
    sign_in(page, live_server, "fg")
    page.get_by_role("link", name="Bewaren").click()
    page.get_by_role("heading", name="Geldende termijnen").wait_for()
    axe_clean(page, "retention")

    page.get_by_role("button", name="Start de proefrun").click()
    page.get_by_text("De taak zou vandaag").wait_for()
    assert signal.reference in page.get_by_role("table", name="Proefrun").inner_text()
    axe_clean(page, "retention-trial")
    assert Signal.objects.filter(pk=signal.pk).exists()

    page.get_by_label("Casus- of signaalnummer").fill(case.reference)
    page.get_by_label("Reden", exact=True).fill("Beroep bij de rechtbank.")
    page.get_by_role("button", name="Bewaarplicht opleggen").click()
    page.get_by_text("De bewaarplicht is opgelegd").wait_for()
    holds = page.get_by_role("table", name="Bewaarplichten")
    assert case.reference in holds.inner_text()
    axe_clean(page, "retention-held")
    page.get_by_label("Reden van opheffen").fill("De rechtbank heeft uitspraak gedaan.")
    page.get_by_role("button", name="Bewaarplicht opheffen").click()
    page.get_by_text("De bewaarplicht is opgeheven").wait_for()
    page.get_by_text("Er geldt geen bewaarplicht.").wait_for()
    assert page.foreign_requests == []
