"""The signal's timeline: its own history and what happened to the reports behind it."""

import pytest

from weerbaar.intake.services import feedback_send, report_submit_staff
from weerbaar.signals.constants import Channel
from weerbaar.signals.selectors import signal_timeline

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
