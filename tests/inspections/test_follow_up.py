"""The alert or signal that led to a control or an address check hears its outcome (#15)."""

import pytest
from django.utils import timezone

from tests.factories import AddressCheckFactory, AlertFactory, SignalFactory
from tests.inspections.world import planned
from weerbaar.audit.models import AuditRecord
from weerbaar.inspections import services
from weerbaar.signals.selectors import signal_timeline
from weerbaar.warehouse.models import Alert

pytestmark = pytest.mark.django_db


def _from_alert(actor, team, alert):
    inspection = planned(actor, team)
    inspection.alert_reference = str(alert.uuid)
    inspection.save()
    return inspection


def test_closing_an_inspection_planned_from_an_alert_gives_the_alert_its_outcome(
    toezichthouder, team
):
    alert = AlertFactory()
    inspection = _from_alert(toezichthouder, team, alert)
    services.inspection_close(actor=toezichthouder, inspection=inspection, outcome="none")
    alert.refresh_from_db()
    assert alert.status == Alert.Status.INSPECTED and alert.reviewed_by == toezichthouder
    assert inspection.reference in alert.outcome and "Geen bevindingen" in alert.outcome
    row = AuditRecord.objects.get(action="warehouse.alert_followed_up")
    assert row.object_id == str(alert.uuid)


def test_a_reviewed_alert_keeps_its_status_and_gathers_every_outcome(toezichthouder, team):
    alert = AlertFactory(status=Alert.Status.SIGNAL)
    first = _from_alert(toezichthouder, team, alert)
    second = _from_alert(toezichthouder, team, alert)
    services.inspection_close(actor=toezichthouder, inspection=first, outcome="none")
    services.inspection_close(actor=toezichthouder, inspection=second, outcome="findings")
    alert.refresh_from_db()
    assert alert.status == Alert.Status.SIGNAL
    lines = alert.outcome.splitlines()
    assert [first.reference in lines[0], second.reference in lines[1]] == [True, True]


def test_an_origin_that_names_no_alert_is_left_alone(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    inspection.alert_reference = "hit 42 of the overcrowding rule"
    inspection.save()
    services.inspection_close(actor=toezichthouder, inspection=inspection, outcome="none")
    assert not AuditRecord.objects.filter(action="warehouse.alert_followed_up").exists()


def test_the_signal_behind_an_inspection_shows_its_outcome_in_its_timeline(toezichthouder, team):
    signal = SignalFactory(owner_team=team)
    inspection = planned(toezichthouder, team)
    inspection.signal = signal
    inspection.save()
    services.inspection_close(actor=toezichthouder, inspection=inspection, outcome="none")
    entry = signal_timeline(signal=signal)[0]
    assert entry.action == "signals.followed_up"
    assert inspection.reference in entry.purpose and "Geen bevindingen" in entry.purpose


def test_an_address_check_from_an_alert_and_a_signal_reports_each_outcome(toezichthouder, team):
    alert, signal = AlertFactory(), SignalFactory(owner_team=team)
    check = AddressCheckFactory(
        actor=toezichthouder, owner_team=team, signal=signal, alert_reference=str(alert.uuid)
    )
    today = timezone.localdate()
    check = services.check_record(
        actor=toezichthouder, check=check, checked_on=today, outcome="nobody"
    )
    assert check.follow_up.alert_reference == str(alert.uuid)
    later = check.follow_up
    later.planned_on = today
    later.save()
    services.check_record(actor=toezichthouder, check=later, checked_on=today, outcome="incorrect")
    alert.refresh_from_db()
    assert alert.status == Alert.Status.INSPECTED
    assert [check.reference in alert.outcome, later.reference in alert.outcome] == [True, True]
    texts = [e.purpose for e in signal_timeline(signal=signal) if e.action == "signals.followed_up"]
    assert len(texts) == 2 and later.reference in texts[0]


def test_the_alert_page_shows_the_outcome(regisseur, toezichthouder, team):
    from django.urls import reverse

    from tests.factories import login

    alert = AlertFactory()
    inspection = _from_alert(toezichthouder, team, alert)
    services.inspection_close(actor=toezichthouder, inspection=inspection, outcome="none")
    page = login(regisseur).get(reverse("warehouse:alert", args=[alert.uuid]))
    assert inspection.reference in page.content.decode()
    assert "plan_control_url" not in page.context  # followed up: not offered again
