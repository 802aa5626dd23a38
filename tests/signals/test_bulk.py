"""Working through the signal list: assign or put on the agenda many signals at once (#14)."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeetingFactory, SignalFactory, UserFactory, login
from weerbaar.audit.models import AuditRecord
from weerbaar.meetings.models import AgendaItem
from weerbaar.signals.models import Signal

pytestmark = pytest.mark.django_db
URL = reverse("signals:bulk")


def _notes(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def analyst(db):
    return UserFactory(username="analist", roles=["regisseur"])


def test_the_regisseur_assigns_ticked_signals_in_one_go(regisseur, analyst):
    first, second, untouched = SignalFactory(), SignalFactory(), SignalFactory()
    client = login(regisseur)
    page = client.get(reverse("signals:list")).content.decode()
    assert 'name="signals"' in page and "Met de aangevinkte signalen" in page
    response = client.post(
        URL,
        {
            "signals": [first.pk, second.pk],
            "action": "assign",
            "target_assign": analyst.pk,
            "back": "status=new&sort=-reported_on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("signals:list") + "?status=new&sort=-reported_on", (
        _notes(response)
    )
    assert set(Signal.objects.filter(assigned_to=analyst)) == {first, second}, _notes(response)
    assert Signal.objects.get(pk=untouched.pk).assigned_to is None
    rows = AuditRecord.objects.filter(action="signals.assigned")
    assert {r.object_id for r in rows} == {str(first.uuid), str(second.uuid)}
    assert any("2 signalen" in note for note in _notes(response))


def test_nothing_happens_without_a_tick_a_target_or_with_a_hidden_signal(
    outsider, regisseur, analyst, team
):
    visible = SignalFactory()
    client = login(regisseur)
    none = client.post(URL, {"action": "assign", "target_assign": analyst.pk})
    assert any("Vink eerst" in note for note in _notes(none))
    no_target = client.post(URL, {"signals": [visible.pk], "action": "assign"})
    assert any("Toewijzen aan" in note for note in _notes(no_target))
    # the outsider may not see this team's signal: ticking its id is an unknown choice
    hidden = SignalFactory(owner_team=team)
    response = login(outsider).post(
        URL, {"signals": [hidden.pk], "action": "assign", "target_assign": analyst.pk}
    )
    assert Signal.objects.get(pk=hidden.pk).assigned_to is None
    assert response.status_code in (302, 404)
    assert not AuditRecord.objects.filter(action="signals.assigned").exists()


def test_someone_who_cannot_take_signals_is_refused(regisseur, medewerker):
    signal = SignalFactory()
    response = login(regisseur).post(
        URL, {"signals": [signal.pk], "action": "assign", "target_assign": medewerker.pk}
    )
    assert Signal.objects.get(pk=signal.pk).assigned_to is None
    assert _notes(response)


def test_ticked_signals_go_on_the_agenda_of_a_meeting_still_to_be_held(regisseur):
    meeting = MeetingFactory(starts_at=timezone.now() + timedelta(days=5))
    first, second = SignalFactory(), SignalFactory()
    client = login(regisseur)
    page = client.get(reverse("signals:list")).content.decode()
    assert str(meeting.uuid) in page
    client.post(
        URL,
        {"signals": [first.pk, second.pk], "action": "agenda", "target_agenda": meeting.uuid},
    )
    assert set(AgendaItem.objects.filter(meeting=meeting).values_list("signal", flat=True)) == {
        first.pk,
        second.pk,
    }
    # once more: what is on the agenda already is not added twice
    client.post(URL, {"signals": [first.pk], "action": "agenda", "target_agenda": meeting.uuid})
    assert AgendaItem.objects.filter(meeting=meeting).count() == 2
