"""Anti-automation on the public API and form (#12): a honeypot, a fill time and a
single-use start token on both, a cap on acknowledgement mails per address, and a retry with
the same idempotency key that makes one signal."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient

from weerbaar.intake import throttle
from weerbaar.intake.models import Report
from weerbaar.intake.selectors import report_open
from weerbaar.signals.models import Signal

pytestmark = pytest.mark.django_db
TEXT = "Achter de sportschool staan elke nacht busjes met draaiende motor."
API = "/api/v1/meldingen/"


def _started(client):
    response = client.get(API)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    return response.json()["started"]


def _post(client, started, **extra):
    headers = {}
    if "key" in extra:
        headers["HTTP_IDEMPOTENCY_KEY"] = extra.pop("key")
    body = {"description": TEXT, "started": started, **extra}
    return client.post(API, body, format="json", **headers)


def test_api_refuses_a_filled_honeypot():
    client = APIClient()
    response = _post(client, _started(client), website="http://spam.example")
    assert response.status_code == 400
    assert "Uw melding kon niet worden verstuurd" in str(response.json())
    assert not Signal.objects.exists()


def test_api_refuses_a_submission_faster_than_a_person(settings):
    client = APIClient()
    started = _started(client)
    settings.INTAKE_MIN_FILL_SECONDS = 60
    response = _post(client, started)
    assert response.status_code == 400 and "Dat ging wel erg snel" in str(response.json())
    assert not Signal.objects.exists()


def test_api_refuses_a_missing_or_forged_start_token():
    client = APIClient()
    assert client.post(API, {"description": TEXT}, format="json").status_code == 400
    assert _post(client, "forged").status_code == 400
    assert not Signal.objects.exists()


def test_api_start_token_makes_one_report():
    client = APIClient()
    started = _started(client)
    assert _post(client, started).status_code == 201
    again = _post(client, started)
    assert again.status_code == 400 and "started" in again.json()
    assert Signal.objects.count() == 1


def test_form_start_token_makes_one_report(client):
    page = client.get(reverse("intake:report")).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    for n in range(3):  # a robot reusing one opened form, each time as a "new" form
        client.post(
            reverse("intake:report"),
            {"description": TEXT, "started": started, "key": f"robot-key-{n:012d}"},
        )
    assert Signal.objects.count() == 1


def test_acknowledgement_mails_are_capped_per_address(django_capture_on_commit_callbacks):
    client = APIClient()
    limit = throttle.ACKNOWLEDGEMENTS[0]
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(limit + 3):
            _post(client, _started(client), contact_email="Slachtoffer@example.nl")
        _post(client, _started(client), contact_email="iemand-anders@example.nl")
    assert Report.objects.count() == limit + 4  # every report is still taken
    to = [m.to[0] for m in mail.outbox]
    assert to.count("Slachtoffer@example.nl") == limit
    assert to.count("iemand-anders@example.nl") == 1


def test_mail_cap_keeps_no_address_in_the_cache(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client = APIClient()
        _post(client, _started(client), contact_email="melder@example.nl")
    keys = [k for k in cache._cache if "intake:ack:" in k]  # LocMemCache's own store
    assert len(keys) == 1 and "melder" not in keys[0] and "example" not in keys[0]


def test_api_retry_with_the_same_idempotency_key_makes_one_signal():
    client = APIClient()
    started = _started(client)
    first = _post(client, started, key="4f1c2f7e-9a5b-4c3d-8e2f-1a2b3c4d5e6f")
    retry = _post(client, started, key="4f1c2f7e-9a5b-4c3d-8e2f-1a2b3c4d5e6f")
    assert first.status_code == retry.status_code == 201
    assert retry["Idempotent-Replayed"] == "true" and first.json() == retry.json()
    assert Signal.objects.count() == 1
    body = retry.json()
    assert report_open(code=body["receipt_code"], secret=body["secret"]) is not None


def test_api_idempotency_key_reused_for_other_content_is_refused():
    client = APIClient()
    key = "4f1c2f7e-9a5b-4c3d-8e2f-1a2b3c4d5e6f"
    assert _post(client, _started(client), key=key).status_code == 201
    other = _post(client, _started(client), key=key, description=TEXT + " En een bus.")
    assert other.status_code == 422
    assert _post(client, _started(client), key="short").status_code == 400
    assert Signal.objects.count() == 1


def _form_page(client):
    page = client.get(reverse("intake:report")).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    key = re.search(r'name="key" value="([^"]+)"', page).group(1)
    return {"description": TEXT, "started": started, "key": key}


def _receipt(html):
    code = re.search(r'id="receipt-code">([^<]+)<', html).group(1)
    secret = re.search(r'id="receipt-secret">([^<]+)<', html).group(1)
    return code, secret


def test_form_sent_twice_shows_the_same_receipt_and_makes_one_signal(client):
    data = _form_page(client)
    first = client.post(reverse("intake:report"), data).content.decode()
    retry = client.post(reverse("intake:report"), data).content.decode()
    assert _receipt(first) == _receipt(retry)
    assert 'id="receipt-retried"' in retry and 'id="receipt-retried"' not in first
    assert Signal.objects.count() == 1
    code, secret = _receipt(retry)
    assert report_open(code=code, secret=secret) is not None
    assert secret.replace("-", "") not in Report.objects.get().secret_hash


def test_form_retried_after_the_retry_window_makes_no_second_report(client):
    from freezegun import freeze_time

    from weerbaar.intake.idempotency import RETRY_WINDOW

    with freeze_time() as clock:
        data = _form_page(client)
        client.post(reverse("intake:report"), data)
        clock.tick(RETRY_WINDOW + 1)
        late = client.post(reverse("intake:report"), data).content.decode()
    assert "Dit formulier is al verstuurd" in late and 'id="receipt-code"' not in late
    assert Signal.objects.count() == 1


def test_form_refused_by_the_global_cap_can_be_sent_again(client, monkeypatch):
    data = _form_page(client)
    monkeypatch.setattr(throttle, "GLOBAL_SUBMISSIONS", (0, 60))
    busy = client.post(reverse("intake:report"), data).content.decode()
    assert "Het is nu erg druk" in busy and not Signal.objects.exists()
    monkeypatch.setattr(throttle, "GLOBAL_SUBMISSIONS", (3000, 60))
    assert 'id="receipt-code"' in client.post(reverse("intake:report"), data).content.decode()
    assert Signal.objects.count() == 1
