"""The audit trail as a file for the privacy officer; nobody else gets it."""

from django.urls import reverse

from tests.exports import PURPOSE, confirmed, xlsx_rows
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_record


def test_fg_exports_the_filtered_trail_and_the_export_is_recorded(client, fg, regisseur):
    audit_record(actor=regisseur, action=AuditAction.SUBJECT_VIEWED, purpose="=cmd|' /C calc'!A0")
    audit_record(actor=fg, action=AuditAction.SUBJECT_VIEWED)
    client.force_login(fg)
    confirmed(client)
    rows = xlsx_rows(
        client.get(
            reverse("audit:list"),
            {"actor_username": "regisseur", "format": "xlsx", "doel": PURPOSE},
        )
    )
    assert [(row[2], row[3], row[-1]) for row in rows] == [
        ("regisseur", "Subject bekeken", "'=cmd|' /C calc'!A0")
    ]
    record = AuditRecord.objects.filter(action="export.made").get()
    assert record.actor_id == fg.pk and record.purpose == PURPOSE
    assert record.changes["extra"]["filters"] == {"actor_username": "regisseur"}


def test_only_the_fg_exports_the_trail(client, regisseur):
    client.force_login(regisseur)
    confirmed(client)
    answer = client.get(reverse("audit:list"), {"format": "csv", "doel": PURPOSE})
    assert answer.status_code == 404
    assert not AuditRecord.objects.filter(action="export.made").exists()
