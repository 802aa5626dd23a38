"""Correcting a decision before the minutes are final, and partners' own information (#14)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import UserFactory, login
from tests.meetings.world import meeting_world
from weerbaar.audit.models import AuditRecord
from weerbaar.intake.services import report_submit_public
from weerbaar.meetings.models import Contribution, DecisionCorrection
from weerbaar.signals import services as signals
from weerbaar.signals.constants import Channel, SignalStatus
from weerbaar.signals.models import Signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(regisseur, ketenpartner, behandelaar, medewerker):
    report = report_submit_public(description="Er wordt hennep gekweekt in de schuur")
    users = {
        "regisseur": regisseur,
        "ketenpartner": ketenpartner,
        "behandelaar": behandelaar,
        "medewerker": medewerker,
    }
    return users, meeting_world(users, report.report.signal)


def _lio_item(meeting, regisseur):
    from weerbaar.meetings import services as meetings

    signal = signals.signal_create(actor=None, channel=Channel.INTERNAL, description="Loods")
    signals.signal_set_status(actor=None, signal=signal, status=SignalStatus.IN_PROGRESS)
    signals.signal_set_status(actor=None, signal=signal, status=SignalStatus.FOR_LIO)
    meetings.agenda_add(actor=regisseur, meeting=meeting, signals_with_reason=[(signal, "new")])
    return meeting.items.get(signal=signal)


def _decide(client, item, **data):
    return client.post(reverse("meetings:item_decide", args=[item.uuid]), data)


def _correct(client, item, **data):
    return client.post(reverse("meetings:decision_correct", args=[item.uuid]), data, follow=True)


def test_a_decision_is_corrected_and_the_earlier_one_kept(world):
    users, objs = world
    item = _lio_item(objs["meeting_id"], users["regisseur"])
    client = login(users["regisseur"])
    _decide(client, item, decision="monitor", decision_text="Volgen via de wijkagent.")
    assert Signal.objects.get(pk=item.signal_id).status == SignalStatus.DECIDED

    no_reason = _correct(client, item, decision="enrich")
    assert "Zeg waarom het besluit wordt gecorrigeerd" in no_reason.content.decode()
    same = _correct(
        client,
        item,
        decision="monitor",
        decision_text="Volgen via de wijkagent.",
        reason="Typefout",
    )
    assert "hetzelfde als het vastgelegde" in same.content.decode()
    assert not DecisionCorrection.objects.exists()

    page = _correct(
        client,
        item,
        decision="enrich",
        decision_text="Eerst de KvK uitzoeken.",
        reason="Verkeerd besluit aangeklikt.",
    ).content.decode()
    item.refresh_from_db()
    assert item.decision == "enrich" and item.decision_text == "Eerst de KvK uitzoeken."
    # the signal follows the corrected decision along its own flow
    assert Signal.objects.get(pk=item.signal_id).status == SignalStatus.IN_PROGRESS
    earlier = DecisionCorrection.objects.get(item=item)
    assert earlier.decision == "monitor" and earlier.reason == "Verkeerd besluit aangeklikt."
    assert "Eerdere besluiten" in page and "Volgen via de wijkagent." in page
    record = AuditRecord.objects.get(action="meetings.decision_corrected")
    assert record.changes["old"]["decision"] == "monitor"
    assert record.changes["new"]["decision"] == "enrich"


def test_correcting_a_no_action_decision_reopens_the_signal(world):
    """No action closed the signal; the corrected decision takes it up again."""
    users, objs = world
    item = _lio_item(objs["meeting_id"], users["regisseur"])
    client = login(users["regisseur"])
    _decide(client, item, decision="no_action", decision_text="Geen aanwijzingen.")
    assert Signal.objects.get(pk=item.signal_id).status == SignalStatus.CLOSED
    response = _correct(client, item, decision="monitor", reason="Toch volgen.")
    item.refresh_from_db()
    assert item.decision == "monitor"
    signal = Signal.objects.get(pk=item.signal_id)
    assert signal.status == SignalStatus.DECIDED and signal.retain_until is None
    assert response.status_code == 200
    assert AuditRecord.objects.filter(action="signals.reopened", object_id=str(signal.uuid))


def test_no_correction_once_the_minutes_are_final(world):
    users, objs = world
    item, meeting = objs["internal_item"], objs["meeting_id"]
    client = login(users["regisseur"])
    _decide(client, item, decision="monitor")
    with freeze_time(meeting.starts_at + timedelta(hours=2)):
        client = login(users["regisseur"])
        client.post(reverse("meetings:close", args=[meeting.uuid]), {"undecided_seen": "yes"})
        response = _correct(client, item, decision="enrich", reason="Te laat bedacht.")
    assert "definitief" in response.content.decode()
    item.refresh_from_db()
    assert item.decision == "monitor" and not DecisionCorrection.objects.exists()


def test_only_the_meeting_manager_corrects(world):
    users, objs = world
    item = objs["item_id"]
    _decide(login(users["regisseur"]), item, decision="monitor")
    for who in ("ketenpartner", "behandelaar"):
        response = _correct(login(users[who]), item, decision="enrich", reason="Anders.")
        assert response.status_code == 404
    item.refresh_from_db()
    assert item.decision == "monitor"


def test_a_partner_adds_graded_information_that_other_partners_read_only_when_shared(world):
    users, objs = world
    item, meeting = objs["item_id"], objs["meeting_id"]
    other = UserFactory(username="partner2", roles=["ketenpartner"], organisation="Belastingdienst")
    item.meeting.series.participants.add(other)
    users["ketenpartner"].organisation = "Politie"
    users["ketenpartner"].save()
    partner = login(users["ketenpartner"])
    url = reverse("meetings:contribute", args=[item.uuid])

    ungraded = partner.post(url, {"text": "Zelfde busje gezien."}).content.decode()
    assert "Betrouwbaarheid van de bron" in ungraded and not Contribution.objects.exists()

    partner.post(
        url, {"text": "Kenteken 12-ABC-3 vaak 's nachts.", "source_grade": "B", "info_grade": "2"}
    )
    contribution = Contribution.objects.get()
    assert contribution.organisation == "Politie" and contribution.grading == "B2"
    detail = reverse("meetings:detail", args=[meeting.uuid])
    assert "12-ABC-3" in partner.get(detail).content.decode()
    assert "12-ABC-3" in login(users["regisseur"]).get(detail).content.decode()
    assert "12-ABC-3" not in login(other).get(detail).content.decode()

    # the partner cannot share it themselves; the regisseur can
    share = reverse("meetings:contribution_share", args=[contribution.uuid])
    assert partner.post(share, {"shared": "1"}).status_code == 404
    login(users["regisseur"]).post(share, {"shared": "1"})
    assert "12-ABC-3" in login(other).get(detail).content.decode()
    assert AuditRecord.objects.filter(action="meetings.contributed").count() == 1
    assert AuditRecord.objects.filter(action="meetings.contribution_shared").count() == 1
    # no contribution to an item that was not shared with the partners
    internal = reverse("meetings:contribute", args=[objs["internal_item"].uuid])
    response = partner.post(internal, {"text": "x", "source_grade": "A", "info_grade": "1"})
    assert response.status_code == 404 and Contribution.objects.count() == 1
