"""Dismissing many alerts with one reason from the alert list (#14)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.factories import AlertFactory, login
from weerbaar.audit.models import AuditRecord
from weerbaar.warehouse.models import Alert
from weerbaar.warehouse.services import alert_dismiss

pytestmark = pytest.mark.django_db
URL = reverse("warehouse:dismiss_many")
REASON = "Studentenhuis met vergunning, bekend bij de gemeente."


def _notes(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_ticked_alerts_are_dismissed_with_one_reason_each_audited(regisseur):
    first, second, left = AlertFactory(), AlertFactory(), AlertFactory()
    client = login(regisseur)
    page = client.get(reverse("warehouse:alerts")).content.decode()
    assert 'name="alerts"' in page and "Aangevinkte attenderingen afwijzen" in page
    response = client.post(
        URL,
        {
            "alerts": [first.pk, second.pk],
            "reason": REASON,
            "confirm": "on",
            "back": "rule=overcrowding",
        },
    )
    assert response["Location"] == reverse("warehouse:alerts") + "?rule=overcrowding"
    assert any("2 attenderingen afgewezen" in n for n in _notes(response))
    dismissed = Alert.objects.filter(status=Alert.Status.DISMISSED)
    assert set(dismissed) == {first, second}
    assert {a.dismiss_reason for a in dismissed} == {REASON}
    assert Alert.objects.get(pk=left.pk).status == Alert.Status.OPEN
    rows = AuditRecord.objects.filter(action="warehouse.alert_dismissed")
    assert {r.object_id for r in rows} == {str(first.uuid), str(second.uuid)}


def test_without_reason_or_confirmation_nothing_is_dismissed(regisseur):
    alert = AlertFactory()
    client = login(regisseur)
    unconfirmed = client.post(URL, {"alerts": [alert.pk], "reason": REASON})
    assert any("Bevestig" in n for n in _notes(unconfirmed))
    no_reason = client.post(URL, {"alerts": [alert.pk], "confirm": "on"})
    assert any("Zeg waarom" in n for n in _notes(no_reason))
    assert Alert.objects.get(pk=alert.pk).status == Alert.Status.OPEN


def test_one_alert_reviewed_meanwhile_stops_the_whole_batch(regisseur):
    first, second = AlertFactory(), AlertFactory()
    alert_dismiss(actor=regisseur, alert=second, reason="Al bekeken door een collega.")
    response = login(regisseur).post(
        URL, {"alerts": [first.pk, second.pk], "reason": REASON, "confirm": "on"}
    )
    # the reviewed one is no longer a choice, so nothing happens to the other either
    assert _notes(response)
    assert Alert.objects.get(pk=first.pk).status == Alert.Status.OPEN


def test_only_reviewers_dismiss(behandelaar, medewerker):
    alert = AlertFactory()
    for user in (medewerker,):
        response = login(user).post(URL, {"alerts": [alert.pk], "reason": REASON, "confirm": "on"})
        assert response.status_code == 404
    assert Alert.objects.get(pk=alert.pk).status == Alert.Status.OPEN
