from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from weerbaar.intake.models import Report

pytestmark = pytest.mark.django_db
EML = (Path(__file__).parent / "data" / "mma-melding.eml").read_bytes()


def test_eml_becomes_an_mma_signal_once(client, regisseur):
    client.force_login(regisseur)
    upload = SimpleUploadedFile("melding.eml", EML, content_type="message/rfc822")
    response = client.post(reverse("intake:mma_import"), {"eml": upload})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.channel, report.partner_reference, report.submitted_on) == (
        "mma",
        "M24-0815",
        date(2024, 5, 13),
    )
    assert "Havenweg 7" in report.signal.description and report.signal.channel == "mma"
    again = client.post(reverse("intake:mma_import"), {"eml": SimpleUploadedFile("m.eml", EML)})
    assert "MMA-melding M24-0815 is al geïmporteerd." in again.content.decode()
    assert Report.objects.count() == 1


def test_pasted_text(client, regisseur):
    client.force_login(regisseur)
    text = "Referentie: MMA-2026-17\nDatum: 2-11-2026\nBij de nagelstudio komen nooit klanten maar wel dure auto's."
    client.post(reverse("intake:mma_import"), {"text": text})
    assert Report.objects.get().submitted_on == date(2026, 11, 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Kies een .eml-bestand of plak de tekst van de e-mail."),
        (
            {"text": "Hallo, dit is geen MMA-mail maar wel een lange tekst."},
            "Geen MMA-meldingnummer gevonden",
        ),
        (
            {"eml": SimpleUploadedFile("x.pdf", b"%PDF-1.4")},
            "Kies een bestand dat eindigt op .eml.",
        ),
        (
            {"eml": SimpleUploadedFile("x.eml", b"\x00\x01garbage")},
            "Dit bestand is niet te lezen als e-mail",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message(client, regisseur, data, message):
    client.force_login(regisseur)
    assert message in client.post(reverse("intake:mma_import"), data).content.decode()
    assert not Report.objects.exists()
