"""Deadline reminders: the owner hears in the inbox when a deadline comes near and when it
has passed, each step once per deadline, however often the worker runs."""

from datetime import date

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import InterventionFactory
from weerbaar.accounts.models import Notification
from weerbaar.interventions import services
from weerbaar.interventions.reminders import daily_reminders, send_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def closure(regisseur, behandelaar):
    """A closure made known on 18 May 2026: its compliance term ends on 1 June."""
    with freeze_time("2026-05-20"):
        closure = InterventionFactory(actor=regisseur, owner=behandelaar)
        services.intervention_record(
            actor=regisseur,
            intervention=closure,
            opinion_skipped_reason="Spoed: acuut gevaar voor de omgeving.",
            decision_on=date(2026, 5, 15),
            made_known_on=date(2026, 5, 18),
        )
    return closure


def _notes(user):
    return list(Notification.objects.filter(user=user).order_by("id"))


def test_nothing_before_the_window(settings, closure, behandelaar):
    settings.DEADLINE_REMINDER_DAYS = 3
    with freeze_time("2026-05-25"):
        send_reminders()
    assert not [n for n in _notes(behandelaar) if n.kind.startswith("deadline")]


def test_near_once_then_overdue_once(settings, closure, behandelaar, regisseur):
    settings.DEADLINE_REMINDER_DAYS = 3
    case = closure.case.reference
    with freeze_time("2026-05-29"):
        send_reminders()
        send_reminders()  # the worker runs again: no second message, no count
    near = [n for n in _notes(behandelaar) if n.kind == "deadline_near"]
    assert len(near) == 1 and near[0].count == 1
    assert near[0].text.startswith(f"Termijn nadert in {case}: Einde van de begunstigingstermijn")
    assert near[0].url == reverse("interventions:detail", args=[closure.uuid])
    assert closure.case.title not in near[0].text  # the reference, not the address
    with freeze_time("2026-05-31"):
        send_reminders()  # the next day: still the same step, sent already
    with freeze_time("2026-06-02"):
        daily_reminders.call_local()
        send_reminders()
    overdue = [n for n in _notes(behandelaar) if n.kind == "deadline_overdue"]
    assert len(overdue) == 1 and "verlopen" in overdue[0].text
    assert not [n for n in _notes(regisseur) if n.kind.startswith("deadline")]


def test_the_window_is_a_setting(settings, closure, behandelaar):
    settings.DEADLINE_REMINDER_DAYS = 10
    with freeze_time("2026-05-22"):
        assert send_reminders() >= 1
    assert any(n.kind == "deadline_near" for n in _notes(behandelaar))


def test_a_partys_term_that_passed_is_no_reminder(settings, regisseur, behandelaar):
    settings.DEADLINE_REMINDER_DAYS = 3
    with freeze_time("2026-05-01"):
        closure = InterventionFactory(actor=regisseur, owner=behandelaar)
        services.intervention_record(
            actor=regisseur, intervention=closure, intention_sent_on=date(2026, 5, 1)
        )
    with freeze_time("2026-07-01"):
        send_reminders()
    assert not [n for n in _notes(behandelaar) if n.kind == "deadline_overdue"]
