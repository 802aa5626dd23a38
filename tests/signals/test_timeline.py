"""The signal's timeline: its own history and what happened to the reports behind it."""

import pytest

from weerbaar.intake.services import feedback_send, report_submit_staff
from weerbaar.signals.constants import Channel
from weerbaar.signals.selectors import signal_timeline
from weerbaar.signals.services import signal_triage

pytestmark = pytest.mark.django_db


def test_the_timeline_shows_what_happened_to_the_report_behind_the_signal(regisseur, medewerker):
    report = report_submit_staff(
        actor=medewerker, channel=Channel.INTERNAL, description="Drukte bij de loods."
    )
    feedback_send(actor=regisseur, report=report, text="Dank voor uw melding.")
    timeline = signal_timeline(signal=report.signal)
    assert [(r.action, r.object_id) for r in timeline if r.object_id == str(report.uuid)] == [
        ("intake.feedback_sent", str(report.uuid)),
        ("intake.report_submitted", str(report.uuid)),
    ]


def test_a_public_reporters_acts_show_their_day_only(client, regisseur):
    """Public reporters' acts are stored to the day (SECURITY.md P6): no "00:00" (#14)."""
    from django.urls import reverse
    from django.utils import timezone

    from weerbaar.intake.services import report_submit_public

    receipt = report_submit_public(description="Verdachte drukte bij de loods, elke nacht.")
    signal = receipt.report.signal
    signal_triage(
        actor=regisseur, signal=signal, version=signal.version, phenomenon=None, urgency="high"
    )
    timeline = signal_timeline(signal=signal)
    assert [r.day_only for r in timeline] == [False, True, True]  # triaged; sent publicly
    client.force_login(regisseur)
    page = client.get(reverse("signals:detail", args=[receipt.report.signal.uuid])).content
    today = timezone.localdate()
    html = page.decode()
    assert (
        f'<time datetime="{today:%Y-%m-%d}">{today.day}-{today.month}-{today.year}</time>' in html
    )
    # The two day-only records carry no moment; a staff act at 00:00 itself may show 00:00.
    assert html.count(f'<time datetime="{today:%Y-%m-%d}">') == 2
    assert f'datetime="{today:%Y-%m-%d}T00:00:00' not in html
