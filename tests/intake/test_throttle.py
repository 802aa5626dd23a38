"""Guessing receipt codes (#12): a flood of wrong pairs slows everyone down but never refuses
a right pair, and is audited per window instead of one chain row per guess."""

import re
import time

import pytest
from django.urls import reverse

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.intake import throttle

pytestmark = pytest.mark.django_db
TEXT = "In de schuur achter nummer 12 staat 's nachts een auto met draaiende motor."


def _report(client):
    page = client.get(reverse("intake:report")).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    html = client.post(reverse("intake:report"), {"description": TEXT, "started": started})
    html = html.content.decode()
    code = re.search(r'id="receipt-code">([^<]+)<', html).group(1)
    return code, re.search(r'id="receipt-secret">([^<]+)<', html).group(1)


def test_right_pair_passes_while_the_global_counter_is_over_its_limit(client, monkeypatch):
    code, secret = _report(client)
    monkeypatch.setattr(throttle, "GLOBAL_SLOWDOWN", 0.3)
    for n in range(throttle.GLOBAL_FAILURES[0]):
        throttle.follow_up_failed(f"{n:016d}")
    began = time.monotonic()
    page = client.post(reverse("intake:follow_up"), {"code": code, "secret": secret})
    assert "Te veel pogingen" not in page.content.decode()
    assert "Ontvangen" in page.content.decode()
    assert time.monotonic() - began >= 0.3  # slowed down, like everyone else


def test_per_code_limit_still_refuses_that_code_only(client):
    code, secret = _report(client)
    other_code, other_secret = _report(client)
    for _ in range(throttle.PER_CODE[0]):
        client.post(reverse("intake:follow_up"), {"code": code, "secret": "AAAA-BBBB"})
    blocked = client.post(reverse("intake:follow_up"), {"code": code, "secret": secret})
    assert "Te veel pogingen" in blocked.content.decode()
    fine = client.post(reverse("intake:follow_up"), {"code": other_code, "secret": other_secret})
    assert "Ontvangen" in fine.content.decode()


def test_wrong_tries_in_one_window_make_a_bounded_number_of_audit_records(client):
    for n in range(30):  # another code each time, so the per-code limit does not stop them
        client.post(reverse("intake:follow_up"), {"code": f"{n:016d}", "secret": "AAAA-BBBB"})
    records = AuditRecord.objects.filter(action=AuditAction.FOLLOW_UP_REFUSED).order_by("id")
    assert [r.changes["extra"]["refused_this_hour"] for r in records] == [1, 10]
