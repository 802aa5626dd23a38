"""The signal and case numbers are where officers look for them: page titles and headings,
the lists, the LIO agenda and minutes, letters and the notifications that name a case or a
signal."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from rest_framework.test import APIClient

from tests.factories import (
    AgendaItemFactory,
    CaseFactory,
    InterventionFactory,
    SignalFactory,
    login,
)
from weerbaar.accounts.models import Notification
from weerbaar.cases.services import task_add
from weerbaar.interventions import letters
from weerbaar.meetings.services import action_add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _first_of_june():
    with freeze_time("2026-06-01 10:00"):
        yield


def test_the_signal_page_and_the_inbox_show_the_number(regisseur):
    SignalFactory()
    signal = SignalFactory(description="Drukte bij de loods.")
    client = login(regisseur)
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "<title>Signaal S-2026-0002" in page, page[:600]
    assert "Signaal S-2026-0002 van 1 juni 2026</h1>" in page
    inbox = client.get(reverse("signals:list")).content.decode()
    assert f'{signal.uuid}/">S-2026-0002</a>' in inbox


def test_the_case_page_and_the_case_list_show_the_number(regisseur):
    case = CaseFactory(title="Loodsweg 3")
    client = login(regisseur)
    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert "<title>C-2026-0001 Loodsweg 3" in page
    assert '<span class="reference">C-2026-0001</span> Loodsweg 3</h1>' in page
    assert "<td>C-2026-0001</td>" in client.get(reverse("cases:list")).content.decode()


def test_the_agenda_and_the_minutes_name_each_signal_by_its_number():
    item = AgendaItemFactory()
    planner = item.meeting.series.participants.get()
    client = login(planner)
    for name in ("meetings:detail", "meetings:minutes"):
        page = client.get(reverse(name, args=[item.meeting.uuid])).content.decode()
        assert f"1. {item.signal.reference} " in page, name


def test_the_case_api_gives_the_number(regisseur):
    case = CaseFactory()
    client = APIClient()
    client.force_authenticate(regisseur)
    assert client.get(f"/api/v1/casussen/{case.uuid}/").json()["reference"] == "C-2026-0001"
    assert client.get("/api/v1/casussen/", {"state": "open"}).json()["results"][0]["reference"] == (
        "C-2026-0001"
    )


def test_the_intervention_pages_name_the_case_by_its_number(regisseur):
    closure = InterventionFactory(actor=regisseur)
    client = login(regisseur)
    start = client.get(reverse("interventions:start", args=[closure.case.uuid])).content.decode()
    assert f"C-2026-0001 {closure.case.title}" in start


def test_a_letter_quotes_the_case_number(regisseur):
    closure = InterventionFactory(actor=regisseur)
    assert letters.context(closure, "voornemen")["reference"] == closure.case.reference
    assert closure.case.reference == "C-2026-0001"


def test_notifications_name_the_case_and_the_signal(regisseur):
    case = CaseFactory(actor=regisseur, title="Loodsweg 3")
    due = timezone.localdate() + timedelta(days=7)
    task_add(
        actor=regisseur, case=case, description="Bel de verhuurder", owner=regisseur, due_on=due
    )
    item = AgendaItemFactory()
    action_add(actor=regisseur, item=item, description="Controle", owner=regisseur, due_on=due)
    texts = list(Notification.objects.filter(user=regisseur).values_list("text", flat=True))
    assert any("C-2026-0001 Loodsweg 3" in text for text in texts), texts
    assert any(item.signal.reference in text for text in texts), texts
