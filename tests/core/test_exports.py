"""The export writer: formula cells made plain, the cap on a list's length."""

import pytest
from django.urls import reverse

from tests.exports import PURPOSE, confirmed
from tests.factories import SignalFactory
from weerbaar.audit.models import AuditRecord
from weerbaar.core import exports


@pytest.mark.parametrize("text", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert exports.neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Kerkstraat 1", "1-2", "a=b", ""])
def test_an_ordinary_text_stays_as_it_is(text):
    assert exports.neutralise(text) == text


def test_a_list_past_the_cap_is_refused_with_a_message(client, regisseur, monkeypatch):
    monkeypatch.setattr(exports, "MAX_ROWS", 2)
    for _ in range(3):
        SignalFactory()
    client.force_login(regisseur)
    confirmed(client)
    answer = client.get(reverse("signals:list"), {"format": "xlsx", "doel": PURPOSE})
    assert answer.status_code == 302
    page = client.get(answer["Location"]).content.decode()
    assert "Deze lijst heeft 3 rijen; een export bevat er hoogstens 2." in page
    assert not AuditRecord.objects.filter(action="export.made").exists()
