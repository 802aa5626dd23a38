"""The weekly report of unusual access (P33): many files of other teams, persons who share
the user's surname, bulk reading at night, bursts of refusals; on the FG's page and in the
FG's inbox every week, once."""

import uuid
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import SignalFactory, UserFactory, login, make_person
from weerbaar.accounts.models import Notification
from weerbaar.audit.models import AuditRecord
from weerbaar.privacy.services import unusual_access_send
from weerbaar.privacy.unusual import unusual_access

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 23)


def _at(day: date, hour: int, minute: int = 0):
    return freeze_time(
        datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone.get_current_timezone())
    )


def _read_signals(user, signals, day=MONDAY, hour=10):
    for n, signal in enumerate(signals):
        with _at(day, hour, n % 60):
            response = login(user).get(reverse("signals:detail", args=[signal.uuid]))
            assert response.status_code == 200


def _kinds(report):
    return {(f.kind, f.username) for f in report.findings}


def test_many_files_of_another_team_are_found_and_the_own_team_is_not(
    settings, regisseur, team, other_team
):
    settings.UNUSUAL_ACCESS = {"outside_team": 4}
    _read_signals(regisseur, [SignalFactory(owner_team=team) for _ in range(5)])
    assert ("outside_team", "regisseur") not in _kinds(unusual_access(MONDAY, MONDAY))
    _read_signals(regisseur, [SignalFactory(owner_team=other_team) for _ in range(2)])
    assert ("outside_team", "regisseur") not in _kinds(unusual_access(MONDAY, MONDAY))
    other = SignalFactory(owner_team=other_team)
    _read_signals(regisseur, [other, other])  # the same file twice counts once
    assert ("outside_team", "regisseur") not in _kinds(unusual_access(MONDAY, MONDAY))
    _read_signals(regisseur, [SignalFactory(owner_team=other_team)])
    found = unusual_access(MONDAY, MONDAY).of("outside_team")
    assert [(f.username, f.count) for f in found] == [("regisseur", 4)]


def test_a_person_with_the_users_own_surname_is_found(regisseur, team):
    reader = UserFactory(
        username="pvries",
        first_name="Petra",
        last_name="de Vries",
        roles=["regisseur"],
        teams=[team],
    )
    relative = make_person("Karel de Vries")
    stranger = make_person("Karel Jansen")
    with _at(MONDAY, 11):
        login(reader).get(reverse("subjects:detail", args=[stranger.uuid]))
    assert not unusual_access(MONDAY, MONDAY).of("surname")
    with _at(MONDAY, 12):
        assert (
            login(reader).get(reverse("subjects:detail", args=[relative.uuid])).status_code == 200
        )
    found = unusual_access(MONDAY, MONDAY).of("surname")
    assert [(f.username, f.detail) for f in found] == [("pvries", "1")]


def test_bulk_reading_at_night_counts_per_night(settings, regisseur, team):
    settings.UNUSUAL_ACCESS = {"night_reads": 4}
    signals = [SignalFactory(owner_team=team) for _ in range(4)]
    _read_signals(regisseur, signals, hour=21)  # evening: not night
    assert not unusual_access(MONDAY, MONDAY + timedelta(days=1)).of("night")
    _read_signals(regisseur, signals[:2], hour=23)
    _read_signals(regisseur, signals[2:], day=MONDAY + timedelta(days=1), hour=2)  # same night
    found = unusual_access(MONDAY, MONDAY + timedelta(days=1)).of("night")
    assert [(f.username, f.count, f.detail) for f in found] == [("regisseur", 4, "2026-11-23")]


def test_a_burst_of_refusals_within_an_hour(settings, medewerker):
    settings.UNUSUAL_ACCESS = {"refusals": 5}

    def probe(hour, minute):
        with _at(MONDAY, hour, minute):
            url = reverse("signals:detail", args=[uuid.uuid4()])
            assert login(medewerker).get(url).status_code == 404

    for hour in (8, 10, 12, 14, 16):  # spread over the day
        probe(hour, 0)
    assert not unusual_access(MONDAY, MONDAY).of("refusals")
    for minute in (1, 10, 20, 30, 55):
        probe(17, minute)
    found = unusual_access(MONDAY, MONDAY).of("refusals")
    assert [(f.username, f.count) for f in found] == [("medewerker", 5)]


def test_the_fg_reads_the_week_on_the_page_and_others_do_not(
    fg, regisseur, team, other_team, settings
):
    settings.UNUSUAL_ACCESS = {"outside_team": 1}
    _read_signals(regisseur, [SignalFactory(owner_team=other_team)])
    page = login(fg).get(reverse("privacy:unusual"), {"week": MONDAY.isoformat()})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Veel dossiers van andere teams ingezien" in text and ">regisseur<" in text
    assert "actor_username=regisseur" in text
    assert AuditRecord.objects.filter(action="privacy.unusual_viewed").count() == 1
    assert login(regisseur).get(reverse("privacy:unusual")).status_code == 404


def test_the_weekly_report_reaches_the_fg_once(fg, regisseur, other_team, settings):
    settings.UNUSUAL_ACCESS = {"outside_team": 1}
    _read_signals(regisseur, [SignalFactory(owner_team=other_team)])
    next_monday = MONDAY + timedelta(days=7)
    assert unusual_access_send(today=next_monday) == 1
    assert unusual_access_send(today=next_monday) == 0
    message = Notification.objects.get(user=fg)
    assert "1 bevinding" in message.text and "23-11-2026" in message.text
    assert MONDAY.isoformat() in message.url
    assert not Notification.objects.filter(user=regisseur).exists()
    assert AuditRecord.objects.filter(action="privacy.unusual_sent").count() == 2


def test_a_night_is_counted_once_across_the_weeks(settings, regisseur, team):
    settings.UNUSUAL_ACCESS = {"night_reads": 4}
    signals = [SignalFactory(owner_team=team) for _ in range(4)]
    sunday = MONDAY + timedelta(days=6)
    _read_signals(regisseur, signals[:2], day=sunday, hour=23)
    _read_signals(regisseur, signals[2:], day=sunday + timedelta(days=1), hour=1)
    this_week = unusual_access(MONDAY, sunday).of("night")
    next_week = unusual_access(sunday + timedelta(days=1), sunday + timedelta(days=7))
    assert [(f.count, f.detail) for f in this_week] == [(4, sunday.isoformat())]
    assert not next_week.of("night")
