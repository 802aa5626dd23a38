import re

import pytest
from django.core import mail
from django.urls import reverse

from weerbaar.audit.models import AuditRecord
from weerbaar.intake.models import Message, Report
from weerbaar.signals.models import Phenomenon, Signal

pytestmark = pytest.mark.django_db
TEXT = "In de schuur achter nummer 12 staat 's nachts een auto met draaiende motor en het ruikt naar hennep."


def _form(client):
    page = client.get(reverse("intake:report")).content.decode()
    return re.search(r'name="started" value="([^"]+)"', page).group(1)


def _submit(client, **extra):
    data = {"description": TEXT, "location_text": "Kerkstraat 12", "started": _form(client)}
    data.update(extra)
    return client.post(reverse("intake:report"), data)


def _receipt(response):
    html = response.content.decode()
    code = re.search(r'id="receipt-code">([^<]+)<', html).group(1)
    secret = re.search(r'id="receipt-secret">([^<]+)<', html).group(1)
    return code, secret


def test_anonymous_report_becomes_a_new_signal_with_receipt(client):
    hennep = Phenomenon.objects.get(code="hennep-drugs")
    response = _submit(client, phenomenon=hennep.pk)
    code, secret = _receipt(response)
    assert len(code.replace(" ", "")) == 16 and len(secret) == 39
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"
    signal = Signal.objects.get()
    assert (signal.channel, signal.status, signal.phenomenon) == ("public", "new", hennep)
    report = Report.objects.get()
    assert report.secret_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert secret.replace("-", "") not in report.secret_hash
    # Only the day of a public report is kept, in the audit trail too.
    for record in AuditRecord.objects.filter(
        action__in=["signals.created", "intake.report_submitted"]
    ):
        assert (record.created_at.hour, record.created_at.minute, record.created_at.second) in {
            (23, 0, 0),
            (22, 0, 0),
            (0, 0, 0),
        }


@pytest.mark.parametrize(
    ("description", "message"),
    [
        ("", "Beschrijf wat u hebt gezien of weet."),
        ("te kort", "Schrijf iets meer, minstens 20 tekens."),
        ("x" * 5001, "Uw tekst is te lang: hoogstens 5000 tekens."),
    ],
)
def test_bad_text_keeps_the_form(client, description, message):
    response = _submit(client, description=description, location_text="Bij de haven")
    html = response.content.decode()
    assert message in html and 'value="Bij de haven"' in html
    assert not Signal.objects.exists() and not Report.objects.exists()


def test_honeypot_and_forged_timer_store_nothing(client, settings):
    assert (
        "Uw melding kon niet worden verstuurd"
        in _submit(client, website="http://spam").content.decode()
    )
    assert "Dit formulier is verlopen" in _submit(client, started="forged").content.decode()
    settings.INTAKE_MIN_FILL_SECONDS = 60
    assert "Dat ging wel erg snel" in _submit(client).content.decode()
    assert not Signal.objects.exists()


def test_named_reporter_gets_a_neutral_acknowledgement(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _submit(client, contact_email="melder@example.nl")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Uw bericht aan de gemeente"
    assert "ondermijning" not in mail.outbox[0].subject.lower()


def test_follow_up_dialogue(client, regisseur):
    code, secret = _receipt(_submit(client))
    signal = Signal.objects.get()
    staff = client.__class__()
    staff.force_login(regisseur)
    staff.post(
        reverse("intake:dialogue", args=[signal.uuid]),
        {"text": "Welke auto bedoelt u? Weet u het kenteken?", "is_question": "on"},
    )
    page = client.post(
        reverse("intake:follow_up"), {"code": code, "secret": secret}
    ).content.decode()
    assert "Ontvangen" in page and "Weet u het kenteken?" in page
    assert TEXT not in page  # the report itself is not shown again (SECURITY.md P5)
    key = re.search(r'name="key" value="([^"]+)"', page).group(1)
    assert secret not in key
    reply = {"code": code, "secret": secret, "key": key, "text": "Een grijze bus, 12-ABC-3."}
    answer = client.post(reverse("intake:follow_up"), reply)
    # Post/redirect/get: reloading the page after sending does not send it again (#14).
    assert answer.status_code == 302 and answer["Location"] == reverse("intake:follow_up_sent")
    sent = client.get(answer["Location"])
    assert "Uw bericht is verstuurd" in sent.content.decode() and not sent.cookies
    assert sent["Cache-Control"] == "no-store" and secret not in sent.content.decode()
    client.post(reverse("intake:follow_up"), reply)  # the same form sent twice
    assert (
        Message.objects.filter(direction="from_reporter", text="Een grijze bus, 12-ABC-3.").count()
        == 1
    )
    dialogue = staff.get(reverse("intake:dialogue", args=[signal.uuid])).content.decode()
    assert "Een grijze bus, 12-ABC-3." in dialogue


def test_wrong_secret_is_refused_then_throttled(client):
    code, secret = _receipt(_submit(client))
    for _ in range(5):
        page = client.post(reverse("intake:follow_up"), {"code": code, "secret": "AAAA-BBBB"})
        assert (
            "We kennen deze combinatie van ontvangstcode en geheim niet." in page.content.decode()
        )
    page = client.post(reverse("intake:follow_up"), {"code": code, "secret": secret})
    assert "Te veel pogingen" in page.content.decode()


def test_staff_feedback_templates_and_need_to_know(client, regisseur, medewerker):
    _submit(client)
    signal = Signal.objects.get()
    client.force_login(medewerker)
    assert client.get(reverse("intake:dialogue", args=[signal.uuid])).status_code == 404
    client.force_login(regisseur)
    empty = client.post(reverse("intake:dialogue", args=[signal.uuid]), {"text": ""})
    assert "Kies een standaardtekst of schrijf een bericht." in empty.content.decode()
    client.post(reverse("intake:dialogue", args=[signal.uuid]), {"template": "ontvangen"})
    message = Message.objects.get()
    assert message.text.startswith("Dank voor uw melding") and message.author == regisseur
    assert AuditRecord.objects.filter(action="intake.feedback_sent", actor_id=regisseur.pk).exists()


def test_public_pages_set_no_cookie(client):
    for response in (
        client.get(reverse("intake:report")),
        _submit(client),
        client.get(reverse("intake:follow_up")),
    ):
        assert not response.cookies, response.cookies


def test_address_suggestions_offer_only_registry_addresses(client, other_team):
    from tests.factories import make_address
    from weerbaar.subjects.services import address_create

    make_address("Kerkstraat", 12, "1234AB")
    address_create(
        actor=None,
        source="test",
        street="Kerkstraat",
        house_number=99,
        place="Weerdam",
        owner_team=other_team,
    )
    found = client.get(reverse("intake:address_suggestions"), {"q": "Kerkstr"}).json()["addresses"]
    assert found == ["Kerkstraat 12, 1234 AB Weerdam"]
    assert (
        client.get(reverse("intake:address_suggestions"), {"q": "Kerkstraat 12"}).json()[
            "addresses"
        ]
        == found
    )
    response = _submit(client, location_text="Kerkstraat 12, 1234 AB Weerdam")
    assert Signal.objects.get().address.label == "Kerkstraat 12, 1234 AB Weerdam"
    assert not response.cookies
