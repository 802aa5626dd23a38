"""A shielded reporter's identity is sealed (SECURITY.md P20c, P36): the report holds no link
to the account in the clear, only an encrypted seal and a keyed hash by which the reporter
finds and answers their own reports; the four-eyes reveal opens it."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from tests.exports import confirmed
from tests.factories import UserFactory
from weerbaar.intake import closing, sealing
from weerbaar.intake.models import Message, Report
from weerbaar.intake.selectors import my_reports, reporter_label
from weerbaar.intake.services import reveal_approve, reveal_request
from weerbaar.intake.waiting import waiting_reports

pytestmark = pytest.mark.django_db
TEXT = "Een collega ziet steeds nieuwe inschrijvingen op Dorpsstraat 4."
MIGRATION = importlib.import_module("weerbaar.intake.migrations.0010_sealed_reporter")


def _shielded(client, user, team="Veiligheid"):
    client.force_login(user)
    client.post(reverse("intake:internal"), {"description": TEXT, "team": team, "shielded": "on"})
    return Report.objects.get()


def _row(report):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reporter_id, reporter_team, reporter_sealed, reporter_key "
            "FROM intake_report WHERE id = %s",
            [report.pk],
        )
        return cursor.fetchone()


def test_the_database_holds_no_link_to_the_shielded_reporter(client, medewerker):
    report = _shielded(client, medewerker)
    reporter_id, team, sealed, key = _row(report)
    assert (reporter_id, team) == (None, "")
    assert sealed.startswith("wbenc1:") and str(medewerker.uuid) not in sealed
    assert "Veiligheid" not in sealed and key == sealing.key_of(medewerker)
    assert str(medewerker.uuid) not in key


def test_the_reporter_still_finds_and_answers_their_report(client, medewerker, outsider):
    report = _shielded(client, medewerker)
    assert list(my_reports(user=medewerker)) == [report]
    assert TEXT[:30] in client.get(reverse("intake:my_reports")).content.decode()
    client.post(reverse("intake:my_reports"), {"report": str(report.uuid), "text": "Nu 14."})
    message = Message.objects.get(direction="from_reporter")
    assert message.author is None  # a message does not name the shielded reporter either
    client.force_login(outsider)
    assert not my_reports(user=outsider).exists()
    answer = client.post(reverse("intake:my_reports"), {"report": str(report.uuid), "text": "x"})
    assert answer.status_code == 404


def test_a_shielded_reporter_is_waiting_like_any_other(client, medewerker):
    report = _shielded(client, medewerker)
    assert list(waiting_reports(days=0)) == [report]
    assert closing.unanswered(report.signal) == [report]


def test_the_reveal_opens_the_seal_with_the_team(client, medewerker, regisseur, team):
    report = _shielded(client, medewerker)
    assert reporter_label(report=report, user=regisseur) == "afgeschermde medewerker"
    second = UserFactory(roles=["regisseur"], teams=[team])
    request = reveal_request(actor=regisseur, report=report, reason="Nodig voor de taxatie.")
    reveal_approve(actor=second, request=request)
    label = reporter_label(report=report, user=regisseur)
    assert label == f"{medewerker.get_full_name()} (Veiligheid)"
    client.force_login(regisseur)
    dialogue = reverse("intake:dialogue", args=[report.signal.uuid])
    assert medewerker.last_name in confirmed(client).get(dialogue).content.decode()


def test_the_migration_seals_the_reports_there_were_and_unseals_them_back(client, medewerker):
    client.force_login(medewerker)
    client.post(reverse("intake:internal"), {"description": TEXT, "team": "Veiligheid"})
    Report.objects.update(shielded=True)  # as a shielded report was stored before
    MIGRATION.seal(apps, None)
    assert _row(Report.objects.get())[:2] == (None, "")
    assert list(my_reports(user=medewerker)) == [Report.objects.get()]
    MIGRATION.unseal(apps, None)
    report = Report.objects.get()
    assert (report.reporter, report.reporter_team, report.reporter_key) == (
        medewerker,
        "Veiligheid",
        "",
    )


def test_the_signal_page_does_not_name_the_shielded_reporter(client, medewerker, regisseur):
    report = _shielded(client, medewerker)
    client.post(reverse("intake:my_reports"), {"report": str(report.uuid), "text": "Nu 14."})
    client.force_login(regisseur)
    page = client.get(reverse("signals:detail", args=[report.signal.uuid])).content.decode()
    assert medewerker.username not in page and medewerker.last_name not in page
