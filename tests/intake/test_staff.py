import pytest
from django.urls import reverse

from weerbaar.intake.models import Message, Report
from weerbaar.intake.selectors import reporter_label
from weerbaar.intake.services import feedback_send

pytestmark = pytest.mark.django_db
TEXT = "Een collega van burgerzaken ziet steeds nieuwe inschrijvingen op Dorpsstraat 4."


def test_internal_report_with_team_and_own_list(client, medewerker, other_team):
    client.force_login(medewerker)
    response = client.post(reverse("intake:internal"), {"description": TEXT, "team": "Veiligheid"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.channel, report.reporter, report.reporter_team) == (
        "internal",
        medewerker,
        "Veiligheid",
    )
    assert report.signal.status == "new" and report.secret_hash == ""
    feedback_send(actor=None, report=report, text="Dank, we kijken ernaar.")
    page = client.get(reverse("intake:my_reports")).content.decode()
    assert "Dank, we kijken ernaar." in page and "Ontvangen" in page
    client.post(
        reverse("intake:my_reports"), {"report": str(report.uuid), "text": "Het zijn er nu 14."}
    )
    assert Message.objects.filter(direction="from_reporter", text="Het zijn er nu 14.").exists()


def test_staff_see_only_their_own_reports(client, medewerker, outsider):
    client.force_login(medewerker)
    client.post(reverse("intake:internal"), {"description": TEXT})
    client.force_login(outsider)
    assert TEXT[:30] not in client.get(reverse("intake:my_reports")).content.decode()
    report = Report.objects.get()
    response = client.post(reverse("intake:my_reports"), {"report": str(report.uuid), "text": "x"})
    assert response.status_code == 404


def test_shielded_reporter_is_not_named(client, medewerker, regisseur):
    client.force_login(medewerker)
    client.post(reverse("intake:internal"), {"description": TEXT, "shielded": "on"})
    report = Report.objects.get()
    assert reporter_label(report=report) == "afgeschermde medewerker"
    client.force_login(regisseur)
    page = client.get(reverse("intake:dialogue", args=[report.signal.uuid])).content.decode()
    assert medewerker.last_name not in page and "afgeschermde medewerker" in page


def test_partner_form_needs_the_role_and_a_reference(client, ketenpartner, medewerker):
    client.force_login(medewerker)
    assert client.get(reverse("intake:partner")).status_code == 404
    client.force_login(ketenpartner)
    page = client.post(reverse("intake:partner"), {"description": TEXT}).content.decode()
    assert "Vul het kenmerk van uw organisatie in." in page and TEXT in page
    client.post(
        reverse("intake:partner"), {"description": TEXT, "partner_reference": "PL0900-2026-123"}
    )
    report = Report.objects.get()
    assert (report.channel, report.partner_reference) == ("partner", "PL0900-2026-123")


def test_four_eyes_reveal_of_a_shielded_reporter(client, medewerker, regisseur, team):
    from tests.exports import confirmed
    from tests.factories import UserFactory
    from weerbaar.audit.models import AuditRecord

    second = UserFactory(username="tweede", roles=["regisseur"], teams=[team])
    client.force_login(medewerker)
    client.post(reverse("intake:internal"), {"description": TEXT, "shielded": "on"})
    report = Report.objects.get()
    dialogue = reverse("intake:dialogue", args=[report.signal.uuid])
    reveal = reverse("intake:reveal", args=[report.uuid])
    client.force_login(regisseur)
    client.post(reveal, {"reason": "kort"})
    assert not report.reveal_requests.exists()
    client.post(reveal, {"reason": "Nodig voor de risicotaxatie van de politie."})
    client.post(reveal, {"approve": "1"})  # asking and approving alone is not enough
    assert "afgeschermde medewerker" in client.get(dialogue).content.decode()
    client.force_login(second)
    client.post(reveal, {"approve": "1"})  # approving needs the confirmation
    assert not report.reveal_requests.filter(approved_by__isnull=False).exists()
    client.post(reveal, {"approve": "1", "confirm": "1"})
    assert medewerker.last_name not in client.get(dialogue).content.decode()  # not for the approver
    client.force_login(regisseur)
    # the name shows only after the requester confirmed their password again (P29)
    before = client.get(dialogue).content.decode()
    assert medewerker.last_name not in before and "bevestig uw wachtwoord" in before
    confirmed(client)
    assert medewerker.last_name in client.get(dialogue).content.decode()
    actions = set(AuditRecord.objects.values_list("action", flat=True))
    assert {"intake.reveal_requested", "intake.reveal_approved"} <= actions


def test_internal_report_with_a_photo(client, medewerker):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.intake.test_uploads import jpeg_with_gps

    client.force_login(medewerker)
    photo = SimpleUploadedFile("gevel.jpg", jpeg_with_gps())
    client.post(reverse("intake:internal"), {"description": TEXT, "attachments": [photo]})
    assert Report.objects.get().attachments.get().file_name == "gevel.jpg"
    bad = SimpleUploadedFile("gevel.jpg", b"not a photo at all")
    page = client.post(reverse("intake:internal"), {"description": TEXT, "attachments": [bad]})
    assert "gevel.jpg" in page.content.decode() and Report.objects.count() == 1


def test_signal_list_is_newest_first_by_report_day(client, medewerker, regisseur):
    from datetime import date

    from weerbaar.signals.models import Signal

    client.force_login(medewerker)
    for _ in range(3):
        client.post(reverse("intake:internal"), {"description": TEXT})
    first, second, third = Signal.objects.order_by("id")
    Signal.objects.filter(pk=first.pk).update(reported_on=date(2026, 3, 1))
    Signal.objects.filter(pk=second.pk).update(reported_on=date(2025, 1, 1))
    client.force_login(regisseur)
    page = client.get(reverse("signals:list")).content.decode()
    order = [page.index(str(s.uuid)) for s in (third, first, second)]
    assert order == sorted(order)
