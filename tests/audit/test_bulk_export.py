"""A bulk export waits for a second person (SECURITY.md P23, #14)."""

import html
import re

import pytest
from django.urls import reverse

from tests.exports import PURPOSE, confirmed, read_csv
from tests.factories import SignalFactory, UserFactory, login
from weerbaar.audit.models import AuditRecord, ExportRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limit(settings):
    settings.EXPORT_FOUR_EYES_ROWS = 2


def _export(client, **filters):
    return client.get(reverse("signals:list"), {**filters, "format": "csv", "doel": PURPOSE})


def test_a_long_list_is_asked_for_approved_by_another_and_downloaded_once(
    small_limit, regisseur, fg
):
    for _ in range(3):
        SignalFactory()
    asker = confirmed(login(regisseur))
    asked = _export(asker, status="new")
    assert asked.status_code == 302 and "format" not in asked["Location"]
    made = ExportRequest.objects.get()
    assert (made.rows, made.status, made.filters) == (3, "pending", [["status", "new"]])
    assert not AuditRecord.objects.filter(action="export.made").exists()
    _export(asker, status="new")  # asking again adds no second request
    assert ExportRequest.objects.count() == 1

    # the asker cannot approve their own; the privacy officer can
    own = asker.post(reverse("audit:export_decide", args=[made.uuid]), {"decision": "approve"})
    assert own.status_code == 404
    approver = login(fg)
    assert "1 export wacht op u" in approver.get(reverse("home")).content.decode()
    approver.post(reverse("audit:export_decide", args=[made.uuid]), {"decision": "approve"})
    made.refresh_from_db()
    assert made.status == "approved" and made.decided_by == fg

    page = asker.get(reverse("audit:exports")).content.decode()
    link = html.unescape(re.search(r'href="([^"]*verzoek=[^"]*)"', page).group(1))
    rows = read_csv(asker.get(link))
    assert len(rows) == 5  # header, three signals, footer
    record = AuditRecord.objects.get(action="export.made")
    assert record.changes["extra"]["approved_by"] == fg.pk
    # once: the same link asks again
    again = asker.get(link)
    assert again.status_code == 302
    assert AuditRecord.objects.filter(action="export.made").count() == 1


def test_another_users_approval_is_not_mine(small_limit, regisseur, fg):
    for _ in range(3):
        SignalFactory()
    other = UserFactory(username="collega", roles=["regisseur"])
    _export(confirmed(login(other)))
    theirs = ExportRequest.objects.get()
    login(fg).post(reverse("audit:export_decide", args=[theirs.uuid]), {"decision": "approve"})
    mine = confirmed(login(regisseur))
    response = mine.get(
        reverse("signals:list"),
        {"format": "csv", "doel": PURPOSE, "verzoek": str(theirs.uuid)},
    )
    assert response.status_code == 302
    assert not AuditRecord.objects.filter(action="export.made").exists()


def test_a_short_list_needs_no_second_person(regisseur):
    SignalFactory()
    rows = read_csv(_export(confirmed(login(regisseur))))
    assert len(rows) == 3 and not ExportRequest.objects.exists()
