"""The deadline calendar: a personal link made and withdrawn on the profile page, an
iCalendar file written by hand that parses back, need-to-know, and an audit row per fetch."""

import re
from datetime import date

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import CaseFactory, InterventionFactory, UserFactory, login
from weerbaar.accounts.models import CalendarToken
from weerbaar.accounts.services import user_set_active
from weerbaar.audit.models import AuditRecord
from weerbaar.interventions import services
from weerbaar.interventions.calendar import escape, fold

pytestmark = pytest.mark.django_db


def unfold(text: str) -> list[str]:
    """Content lines of an iCalendar text (RFC 5545 3.1), each line ended by CRLF."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def parse(text: str) -> list[dict]:
    """The VEVENTs as dicts of property name (without parameters) to unescaped value."""
    events, current = [], None
    for line in unfold(text):
        name, _sep, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name.split(";")[0]] = (name, unescape(value))
    return events


def _issue(client) -> str:
    page = client.post(reverse("accounts:calendar_renew")).content.decode()
    found = re.search(r'value="(http://testserver/agenda/[^"]+/termijnen.ics)"', page)
    assert found, "the full address is shown once"
    return found[1].removeprefix("http://testserver")


@pytest.fixture
def closure(regisseur, behandelaar, team):
    with freeze_time("2026-05-20"):
        case = CaseFactory(actor=regisseur, owner_team=team, title="Jan de Vries, Loodsweg 3")
        closure = InterventionFactory(actor=regisseur, case=case, owner=behandelaar)
        services.intervention_record(
            actor=regisseur,
            intervention=closure,
            opinion_skipped_reason="Spoed: acuut gevaar voor de omgeving.",
            decision_on=date(2026, 5, 15),
            made_known_on=date(2026, 5, 18),
        )
    return closure


def test_folding_and_escaping_follow_rfc_5545():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert folded.replace("\r\n ", "") == line


@freeze_time("2026-05-25")
def test_the_feed_holds_the_deadlines_as_all_day_events(client, closure, behandelaar):
    client.force_login(behandelaar)
    url = _issue(client)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    events = parse(text)
    compliance = [e for e in events if "begunstigingstermijn" in e["SUMMARY"][1]]
    assert len(compliance) == 1
    event = compliance[0]
    assert event["DTSTART"] == ("DTSTART;VALUE=DATE", "20260601")
    assert event["DTEND"] == ("DTEND;VALUE=DATE", "20260602")
    summary = event["SUMMARY"][1]
    assert summary.startswith(f"{closure.case.reference}: Einde van de begunstigingstermijn")
    assert event["URL"][1].endswith(reverse("interventions:detail", args=[closure.uuid]))
    assert "Jan de Vries" not in text and "Loodsweg" not in text  # no personal data
    assert len({e["UID"][1] for e in events}) == len(events)


@freeze_time("2026-05-25")
def test_team_deadlines_are_in_and_hidden_ones_are_not(closure, regisseur, outsider):
    member = UserFactory(roles=["behandelaar"], teams=[closure.case.owner_team])
    events = parse(login(member).get(_issue(login(member))).content.decode())
    assert any(closure.case.reference in e["SUMMARY"][1] for e in events)
    stranger = login(outsider)
    assert parse(stranger.get(_issue(stranger)).content.decode()) == []


@freeze_time("2026-05-25")
def test_each_fetch_is_audited_without_the_link_in_the_trail(client, closure, behandelaar):
    client.force_login(behandelaar)
    url = _issue(client)
    assert AuditRecord.objects.filter(action="accounts.calendar_token_created").count() == 1
    client.logout()  # a calendar program has no session
    client.get(url)
    client.get(url)
    fetched = AuditRecord.objects.filter(action="accounts.calendar_fetched")
    assert fetched.count() == 2 and fetched.first().actor_id == behandelaar.pk
    secret = url.split("/")[2]
    assert not AuditRecord.objects.filter(route__contains=secret).exists()
    token = CalendarToken.objects.get(user=behandelaar)
    assert secret not in token.key_hash and token.prefix == secret.split(".")[0]


def test_unknown_revoked_renewed_and_deactivated_links_answer_404(client, behandelaar, beheerder):
    client.force_login(behandelaar)
    first = _issue(client)
    assert client.get(first).status_code == 200
    second = _issue(client)  # renewing ends the first
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    assert client.get(second[:-20] + "x" * 8 + second[-12:]).status_code == 404
    client.post(reverse("accounts:calendar_revoke"))
    assert client.get(second).status_code == 404
    assert AuditRecord.objects.filter(action="accounts.calendar_token_revoked").count() == 1
    third = _issue(client)
    user_set_active(actor=beheerder, user=behandelaar, active=False)
    assert client.get(third).status_code == 404
    missing = client.get("/agenda/0123456789ab.niets/termijnen.ics")
    assert missing.status_code == 404


def test_the_profile_shows_the_link_once_and_its_state(client, behandelaar):
    client.force_login(behandelaar)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Agenda-adres maken" in profile
    url = _issue(client)
    again = client.get(reverse("accounts:profile")).content.decode()
    assert url not in again and "Nog niet opgehaald." in again
    assert "Mijn agenda-adres intrekken" in again
