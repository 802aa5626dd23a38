"""The LIO: planning, agenda, decisions, action points, minutes and what partners see."""

import io
from datetime import timedelta

import pypdf
import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import login
from tests.meetings.world import (
    INTERNAL_CANARY,
    SHARED_SUMMARY,
    SHARED_TEXT,
    UNSHARED_CANARY,
    meeting_world,
)
from weerbaar.accounts.models import Notification
from weerbaar.audit.models import AuditRecord
from weerbaar.intake.services import report_submit_public
from weerbaar.meetings import services
from weerbaar.meetings.models import ActionPoint, AgendaItem, Meeting, MeetingSeries
from weerbaar.signals import services as signals
from weerbaar.signals.constants import Channel, SignalStatus
from weerbaar.signals.models import Signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(regisseur, ketenpartner, behandelaar, medewerker):
    report = report_submit_public(description="Canary Zzyzx kweekt hennep in de schuur")
    users = {
        "regisseur": regisseur,
        "ketenpartner": ketenpartner,
        "behandelaar": behandelaar,
        "medewerker": medewerker,
    }
    return users, meeting_world(users, report.report.signal)


def _for_lio(text="Veel verkeer bij een loods."):
    signal = signals.signal_create(actor=None, channel=Channel.INTERNAL, description=text)
    signals.signal_set_status(actor=None, signal=signal, status=SignalStatus.IN_PROGRESS)
    return signals.signal_set_status(actor=None, signal=signal, status=SignalStatus.FOR_LIO)


def _pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return "\n".join(page.extract_text() for page in reader.pages)


def test_plan_a_series_and_a_meeting(regisseur, ketenpartner):
    client = login(regisseur)
    response = client.post(
        reverse("meetings:series_create"),
        {"name": "GSO Weerdam", "kind": "gso", "interval_weeks": 2, "participants": [regisseur.pk]},
    )
    assert response.status_code == 302
    series = MeetingSeries.objects.get()
    past = client.post(
        reverse("meetings:plan", args=[series.uuid]),
        {"day": "2020-01-01", "start": "10:00", "location": "Stadhuis"},
    )
    assert "kan niet in het verleden" in past.content.decode()
    day = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client.post(
        reverse("meetings:plan", args=[series.uuid]),
        {"day": day, "start": "10:00", "location": "Stadhuis", "guests": [ketenpartner.pk]},
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meetings:detail", args=[meeting.uuid])
    assert list(meeting.guests.all()) == [ketenpartner]
    # the next meeting is proposed one interval later
    page = client.get(reverse("meetings:plan", args=[series.uuid])).content.decode()
    assert (timezone.localdate() + timedelta(days=28)).isoformat() in page


def test_agenda_from_signals_for_the_lio_and_running_items(world):
    users, objs = world
    regisseur = users["regisseur"]
    fresh = _for_lio()
    meeting = objs["meeting_id"]
    # a later meeting: the running item (action point due) and the new signal are proposed
    later = services.meeting_plan(
        actor=regisseur, series=meeting.series, starts_at=timezone.now() + timedelta(days=30)
    )
    client = login(regisseur)
    page = client.get(reverse("meetings:detail", args=[later.uuid])).content.decode()
    assert str(fresh.uuid) in page
    shared_signal = objs["item_id"].signal
    assert str(shared_signal.uuid) in page  # running: its action point falls due before
    client.post(
        reverse("meetings:compose", args=[later.uuid]),
        {"signal": [str(fresh.uuid), str(shared_signal.uuid)]},
    )
    items = list(later.items.order_by("position"))
    assert [(i.signal, i.reason) for i in items] == [(fresh, "new"), (shared_signal, "running")]
    client.post(reverse("meetings:item_move", args=[items[1].uuid]), {"direction": "up"})
    assert [i.signal for i in later.items.order_by("position")] == [shared_signal, fresh]
    client.post(reverse("meetings:item_remove", args=[items[0].uuid]))
    assert list(later.items.values_list("signal", flat=True)) == [shared_signal.pk]
    refused = client.post(reverse("meetings:compose", args=[later.uuid]), {}, follow=True)
    assert "Kies ten minste één signaal" in refused.content.decode()


def test_sending_the_agenda_fills_the_inboxes(world):
    users, objs = world
    meeting = objs["meeting_id"]
    client = login(users["regisseur"])
    client.post(reverse("meetings:send", args=[meeting.uuid]))
    meeting.refresh_from_db()
    assert meeting.status == "agenda_sent"
    recipients = set(
        Notification.objects.filter(text__startswith="Agenda").values_list("user", flat=True)
    )
    assert recipients == {users[r].pk for r in ("regisseur", "ketenpartner", "behandelaar")}
    partner = login(users["ketenpartner"])
    home = partner.get(reverse("accounts:inbox")).content.decode()
    assert (
        "Agenda voor LIO Weerdam" in home
        and reverse("meetings:detail", args=[meeting.uuid]) in home
    )
    assert "Berichten (1 nieuw)" in partner.get(reverse("home")).content.decode()
    partner.post(reverse("accounts:inbox_read_all"))
    assert "Berichten (" not in partner.get(reverse("home")).content.decode()  # now read


def test_decision_no_action_closes_the_signal_for_retention(world):
    users, objs = world
    item = objs["internal_item"]
    client = login(users["regisseur"])
    response = client.post(
        reverse("meetings:item_decide", args=[item.uuid]),
        {"decision": "no_action", "decision_text": "Geen aanwijzingen bij de partners."},
    )
    assert response.status_code == 302
    signal = Signal.objects.get(pk=item.signal_id)
    assert signal.status == SignalStatus.CLOSED and signal.retain_until
    record = AuditRecord.objects.get(action="meetings.decided")
    assert record.object_id == str(signal.uuid)
    timeline = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "Besluit genomen in een overleg" in timeline
    again = client.post(
        reverse("meetings:item_decide", args=[item.uuid]), {"decision": "monitor"}, follow=True
    ).content.decode()
    assert "is al een besluit vastgelegd" in again


def test_open_a_case_needs_the_case_weighing_and_creates_an_action_point(world):
    users, objs = world
    item = objs["internal_item"]
    client = login(users["regisseur"])
    from weerbaar.cases.models import CaseType

    data = {
        "case_type": CaseType.objects.get(code="hennep-sluiting").pk,
        "decision": "open_case",
        "decision_text": "Casus Damocles",
        "action": "Dossier aanleggen",
        "owner": users["behandelaar"].pk,
        "due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
    }
    refused = client.post(reverse("meetings:item_decide", args=[item.uuid]), data)
    assert "Leg eerst de privacyafweging" in refused.content.decode()
    assert 'value="Dossier aanleggen"' in refused.content.decode()
    assert not AgendaItem.objects.get(pk=item.pk).decision
    signals.weighing_record(
        actor=users["regisseur"],
        signal=item.signal,
        phase="case",
        purpose="administrative",
        purpose_text="Sluiting onderzoeken.",
        proportional=True,
        proportionality_text="Ernstige feiten.",
        subsidiary=True,
        subsidiarity_text="Waarschuwing werkte niet.",
    )
    client.post(reverse("meetings:item_decide", args=[item.uuid]), data)
    item.refresh_from_db()
    assert item.decision == "open_case" and item.signal.led_to_case
    assert item.case.case_type.code == "hennep-sluiting" and list(item.case.signals.all()) == [
        item.signal
    ]
    action = ActionPoint.objects.get(item=item)
    assert action.owner == users["behandelaar"]
    assert Notification.objects.filter(user=users["behandelaar"], text__contains="Dossier").exists()


def test_action_points_are_tracked_until_done(world):
    users, objs = world
    action = objs["action_id"]
    other = login(users["medewerker"])
    assert other.post(reverse("meetings:action_done", args=[action.uuid])).status_code == 404
    owner = login(users["behandelaar"])
    page = owner.get(reverse("meetings:actions")).content.decode()
    assert "Adrescontrole plannen" in page
    owner.post(reverse("meetings:action_done", args=[action.uuid]))
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()
    assert "Adrescontrole plannen" not in owner.get(reverse("meetings:actions")).content.decode()


def test_reporter_feedback_is_prompted_after_30_days(world, regisseur):
    # A day, not a moment: 40 days back may cross a change of summer time, and a moment late
    # in the evening then falls on another local day.
    with freeze_time(timezone.localdate() - timedelta(days=40)):
        report = report_submit_public(description="Drukte bij de garage, elke nacht.")
    signal = report.report.signal
    _users, objs = world
    services.agenda_add(
        actor=regisseur, meeting=objs["meeting_id"], signals_with_reason=[(signal, "new")]
    )
    item = objs["meeting_id"].items.get(signal=signal)
    client = login(regisseur)
    response = client.post(
        reverse("meetings:item_decide", args=[item.uuid]), {"decision": "monitor"}
    )
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("40 dagen niets van ons gehoord" in t for t in texts)


def test_partners_see_only_what_is_shared(world):
    users, objs = world
    meeting = objs["meeting_id"]
    partner = login(users["ketenpartner"])
    for name in ("meetings:detail", "meetings:minutes"):
        html = partner.get(reverse(name, args=[meeting.uuid])).content.decode()
        assert SHARED_SUMMARY in html and SHARED_TEXT in html
        for secret in (UNSHARED_CANARY, INTERNAL_CANARY, "Zzyzx"):
            assert secret not in html, (name, secret)
    text = _pdf_text(partner.get(reverse("meetings:minutes_pdf", args=[meeting.uuid])))
    assert SHARED_SUMMARY in text
    assert UNSHARED_CANARY not in text and INTERNAL_CANARY not in text and "Zzyzx" not in text
    # the internal reader gets the whole agenda, in the PDF as well
    internal = _pdf_text(
        login(users["behandelaar"]).get(reverse("meetings:minutes_pdf", args=[meeting.uuid]))
    )
    assert UNSHARED_CANARY in internal and INTERNAL_CANARY in internal
    # the minutes page and both PDFs: every reading is recorded
    assert AuditRecord.objects.filter(action="meetings.minutes_viewed").count() == 3
    # an item that is not shared cannot be reached by the partner at all
    assert (
        partner.post(reverse("meetings:item_notes", args=[objs["internal_item"].uuid])).status_code
        == 404
    )


def test_partner_views_carry_no_reporter_identity(world):
    users, objs = world
    meeting = objs["meeting_id"]
    html = (
        login(users["ketenpartner"])
        .get(reverse("meetings:detail", args=[meeting.uuid]))
        .content.decode()
    )
    assert reverse("intake:dialogue", args=[objs["item_id"].signal.uuid]) not in html
    assert reverse("signals:detail", args=[objs["item_id"].signal.uuid]) not in html


def test_a_meeting_closes_from_its_day_on_and_after_seeing_the_undecided_items(world):
    """A meeting on 13 December could be closed "definitief" on 1 December (#14)."""
    users, objs = world
    meeting = objs["meeting_id"]  # in three days
    client = login(users["regisseur"])
    page = client.get(reverse("meetings:detail", args=[meeting.uuid])).content.decode()
    assert "kan worden afgesloten vanaf de dag zelf" in page
    early = client.post(reverse("meetings:close", args=[meeting.uuid]), follow=True)
    assert "vanaf die dag worden afgesloten" in early.content.decode()
    meeting.refresh_from_db()
    assert meeting.status != "held"
    with freeze_time(meeting.starts_at + timedelta(hours=2)):
        client = login(users["regisseur"])
        page = client.get(reverse("meetings:detail", args=[meeting.uuid])).content.decode()
        assert "Deze punten hebben nog geen besluit" in page and 'name="undecided_seen"' in page
        unconfirmed = client.post(reverse("meetings:close", args=[meeting.uuid]), follow=True)
        assert "Bevestig" in unconfirmed.content.decode()
        meeting.refresh_from_db()
        assert meeting.status != "held"
        client.post(reverse("meetings:close", args=[meeting.uuid]), {"undecided_seen": "yes"})
        meeting.refresh_from_db()
        assert meeting.status == "held"


def test_a_held_meeting_is_final(world):
    users, objs = world
    meeting = objs["meeting_id"]
    with freeze_time(meeting.starts_at + timedelta(hours=2)):
        client = login(users["regisseur"])
        client.post(reverse("meetings:close", args=[meeting.uuid]), {"undecided_seen": "yes"})
        response = client.post(
            reverse("meetings:item_remove", args=[objs["internal_item"].uuid]), follow=True
        )
        assert "is gehouden" in response.content.decode()
        assert meeting.items.count() == 2
        minutes = client.get(reverse("meetings:minutes", args=[meeting.uuid])).content.decode()
        assert "definitief" in minutes


def test_no_meeting_for_outsiders(world, outsider):
    _users, objs = world
    client = login(outsider)
    missing = client.get(reverse("meetings:detail", args=["00000000-0000-4000-8000-000000000000"]))
    hidden = client.get(reverse("meetings:detail", args=[objs["meeting_id"].uuid]))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


def test_due_dates_in_the_past_are_refused(world):
    users, objs = world
    client = login(users["regisseur"])
    item = objs["item_id"]
    services.item_decide(actor=users["regisseur"], item=item, decision="monitor")
    response = client.post(
        reverse("meetings:action_add", args=[item.uuid]),
        {"description": "Terugbellen", "owner": users["regisseur"].pk, "due_on": "2020-01-01"},
    )
    assert "De einddatum ligt in het verleden" in response.content.decode()
    assert not ActionPoint.objects.filter(description="Terugbellen").exists()
