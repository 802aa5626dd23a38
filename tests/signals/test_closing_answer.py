"""Closing a signal whose reporter has had no answer asks for one first (#14)."""

import pytest
from django.urls import reverse

from tests.factories import login
from weerbaar.intake.models import Message
from weerbaar.intake.services import feedback_send, report_submit_public, reporter_message_add
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import Signal
from weerbaar.signals.services import signal_set_status

pytestmark = pytest.mark.django_db
CLOSING = "We zijn klaar met uw melding. Dank u wel voor uw hulp."


def _reported():
    report = report_submit_public(description="Veel verkeer 's nachts bij de loods.").report
    signal_set_status(actor=None, signal=report.signal, status=SignalStatus.IN_PROGRESS)
    return report, Signal.objects.get(pk=report.signal_id)


def _close(client, signal, **extra):
    data = {
        "version": signal.version,
        "status": "closed",
        "reason": "Geen aanwijzingen gevonden.",
        "confirm_close": "on",
        **extra,
    }
    return client.post(reverse("signals:status", args=[signal.uuid]), data)


def test_the_close_box_holds_the_standard_text_and_the_answer_goes_out_with_it(regisseur):
    report, signal = _reported()
    client = login(regisseur)
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "Bericht aan de melder" in page and CLOSING in page
    refused = _close(client, signal).content.decode()
    assert "De melder heeft nog geen antwoord gekregen" in refused
    assert Signal.objects.get(pk=signal.pk).status == SignalStatus.IN_PROGRESS
    assert not Message.objects.exists()
    _close(client, signal, answer="We hebben uw melding onderzocht. Dank u wel.")
    assert Signal.objects.get(pk=signal.pk).status == SignalStatus.CLOSED
    message = Message.objects.get()
    assert (
        message.report == report and message.text == "We hebben uw melding onderzocht. Dank u wel."
    )


def test_a_reporter_who_was_answered_needs_no_second_answer_until_they_write_again(regisseur):
    report, signal = _reported()
    feedback_send(actor=regisseur, report=report, text="We kijken ernaar.")
    client = login(regisseur)
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert 'name="answer"' not in page
    reporter_message_add(report=report, text="Is er al nieuws?")
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert 'name="answer"' in page
    feedback_send(actor=regisseur, report=report, text="Nog even geduld.")
    _close(client, Signal.objects.get(pk=signal.pk))
    assert Signal.objects.get(pk=signal.pk).status == SignalStatus.CLOSED
    assert Message.objects.filter(direction="to_reporter").count() == 2
