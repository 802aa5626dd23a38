"""Colleagues are told when a reporter answers and when a reveal request waits for a second
person; the reveal requests have their own list, where a second person approves or refuses."""

import pytest
from django.urls import reverse

from tests.factories import ReportFactory, UserFactory, login
from weerbaar.accounts.models import Notification
from weerbaar.audit.models import AuditRecord
from weerbaar.intake import services
from weerbaar.intake.models import Report
from weerbaar.signals.services import signal_triage

pytestmark = pytest.mark.django_db


def _told(kind):
    return set(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


def test_a_reporters_answer_tells_who_answers_for_the_signal(regisseur, medewerker, outsider):
    second = UserFactory(username="tweede", roles=["regisseur"])
    report = ReportFactory(actor=medewerker, description="Jan de Vries kweekt hennep.")
    services.reporter_message_add(report=report, text="Er is weer veel verkeer.")
    # Those who answer reporters and see the signal; not the staff member without that right.
    assert _told("reporter_answered") == {"regisseur", "tweede"}
    note = Notification.objects.get(user=second)
    assert note.text == f"Melder heeft geantwoord op {report.signal.reference}"
    assert note.url == reverse("intake:dialogue", args=[report.signal.uuid])
    assert "Jan" not in note.text and "verkeer" not in note.text
    # A public reporter's acts keep their day, not their moment.
    assert (note.last_at.astimezone().hour, note.last_at.astimezone().minute) == (0, 0)


def test_a_second_answer_collapses_into_the_unread_message(regisseur, medewerker):
    report = ReportFactory(actor=medewerker)
    services.reporter_message_add(report=report, text="Een")
    services.staff_reply_add(actor=medewerker, report=report, text="Twee")
    note = Notification.objects.get(user=regisseur)
    assert note.count == 2
    page = login(regisseur).get(reverse("accounts:inbox")).content.decode()
    assert "(2×)" in page and note.last_at.strftime("%H:%M") not in page.split("(2×)")[1][:80]


def test_the_handler_is_told_when_the_signal_has_one(regisseur, medewerker):
    handler = UserFactory(username="behandelend", roles=["regisseur"])
    report = ReportFactory(actor=medewerker)
    signal = report.signal
    signal_triage(
        actor=regisseur,
        signal=signal,
        version=signal.version,
        phenomenon=None,
        urgency="normal",
        assigned_to=handler,
    )
    services.reporter_message_add(report=report, text="Nog iets")
    assert _told("reporter_answered") == {"behandelend"}


def _shielded(medewerker):
    report = ReportFactory(actor=medewerker, shielded=True)
    return Report.objects.get(pk=report.pk)


def test_a_reveal_request_tells_the_others_never_the_one_who_asked(regisseur, medewerker):
    UserFactory(username="tweede", roles=["regisseur"])
    UserFactory(username="weg", roles=["regisseur"], is_active=False)
    report = _shielded(medewerker)
    services.reveal_request(actor=regisseur, report=report, reason="Nodig voor de weging")
    assert _told("reveal_requested") == {"tweede"}
    note = Notification.objects.get(kind="reveal_requested")
    assert report.signal.reference in note.text and note.url == reverse("intake:reveals")
    assert medewerker.last_name not in note.text


def test_the_list_of_reveal_requests_and_deciding_from_it(client, regisseur, medewerker):
    second = UserFactory(username="tweede", roles=["regisseur"])
    report = _shielded(medewerker)
    services.reveal_request(actor=regisseur, report=report, reason="Nodig voor de weging")
    client.force_login(regisseur)
    own = client.get(reverse("intake:reveals")).content.decode()
    assert "Er wacht geen verzoek tot onthulling op u." in own  # never one's own request
    client.force_login(second)
    page = client.get(reverse("intake:reveals"))
    assert page.context["page"].paginator.count == 1
    assert report.signal.reference in page.content.decode()
    response = client.post(
        reverse("intake:reveal", args=[report.uuid]), {"refuse": "1", "back": "list"}
    )
    assert response.status_code == 302 and response.url == reverse("intake:reveals")
    ask = report.reveal_requests.get()
    assert ask.refused_by == second and ask.approved_by is None
    assert AuditRecord.objects.filter(action="intake.reveal_refused").count() == 1
    assert client.get(reverse("intake:reveals")).context["page"].paginator.count == 0
    # Refused is decided: it can no longer be approved, and the name stays shielded.
    client.post(reverse("intake:reveal", args=[report.uuid]), {"approve": "1"})
    assert report.reveal_requests.get().approved_by is None


def test_the_list_is_only_for_who_may_answer_reporters(client, medewerker):
    client.force_login(medewerker)
    assert client.get(reverse("intake:reveals")).status_code == 404
    assert AuditRecord.objects.filter(action="access.denied").exists()


def test_the_one_who_asked_cannot_refuse_either(regisseur, medewerker):
    report = _shielded(medewerker)
    ask = services.reveal_request(actor=regisseur, report=report, reason="Nodig voor de weging")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.reveal_refuse(actor=regisseur, request=ask)


def test_approving_from_the_list_needs_the_confirmation(client, regisseur, medewerker):
    second = UserFactory(username="tweede", roles=["regisseur"])
    report = _shielded(medewerker)
    services.reveal_request(actor=regisseur, report=report, reason="Nodig voor de weging")
    client.force_login(second)
    reveal = reverse("intake:reveal", args=[report.uuid])
    refused = client.post(reveal, {"approve": "1", "back": "list"}, follow=True)
    assert "Bevestig dat de reden de naam van de melder nodig heeft." in refused.content.decode()
    assert report.reveal_requests.get().approved_by is None
    client.post(reveal, {"approve": "1", "confirm": "1", "back": "list"})
    assert report.reveal_requests.get().approved_by == second
