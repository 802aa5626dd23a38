"""The hash covers a moment in UTC, so it verifies whatever zone it was written in (#12)."""

import importlib
from datetime import datetime, time

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from weerbaar.audit import chain
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditChainHead, AuditRecord
from weerbaar.audit.services import audit_record, audit_verify
from weerbaar.intake.services import report_submit_public

pytestmark = pytest.mark.django_db
reanchor = importlib.import_module("weerbaar.audit.migrations.0005_reanchor_utc_form")


def test_day_only_records_verify(capsys):
    audit_record(actor=None, action=AuditAction.REPORT_SUBMITTED, day_only=True)
    audit_record(actor=None, action=AuditAction.SUBJECT_VIEWED)
    audit_record(actor=None, action=AuditAction.FOLLOW_UP_REFUSED, day_only=True)
    assert audit_verify().ok
    call_command("audit", "verify")
    assert "intact: 3 records" in capsys.readouterr().out


@pytest.mark.parametrize("zone", ["America/Curacao", "Asia/Tokyo", "UTC"])
def test_public_reports_verify_in_any_server_zone(settings, zone):
    settings.TIME_ZONE = zone
    with timezone.override(zone):
        for n in range(3):
            report_submit_public(description=f"Verdachte drukte bij de loods, nummer {n}.")
    assert AuditRecord.objects.filter(action=AuditAction.REPORT_SUBMITTED).count() == 3
    assert audit_verify().ok
    settings.TIME_ZONE = "Europe/Amsterdam"
    with timezone.override("Europe/Amsterdam"):
        assert audit_verify().ok  # read back under another zone than it was written in


def test_day_only_moment_is_local_midnight():
    record = audit_record(actor=None, action=AuditAction.REPORT_SUBMITTED, day_only=True)
    stored = AuditRecord.objects.get(pk=record.pk).created_at
    assert timezone.localtime(stored).time() == time.min
    assert chain.canonical_time(stored) == chain.canonical_time(record.created_at)


def _legacy_record(pk: int, prev_hash: str, moment: datetime, action: str) -> AuditRecord:
    """A record as the first form wrote it: its moment hashed as written, in its own zone."""
    record = AuditRecord(
        pk=pk, created_at=moment, action=action, prev_hash=prev_hash, route="GET melden"
    )
    record.hash = chain.record_hash(prev_hash, chain.payload(record, created_at=moment.isoformat()))
    record.save(force_insert=True)
    return record


def _legacy_chain(n: int) -> None:
    prev = chain.GENESIS_HASH
    for pk in range(1, n + 1):
        day = timezone.make_aware(datetime(2026, 11, pk, 0, 0))  # Europe/Amsterdam midnight
        moment = day if pk % 2 else timezone.now()
        prev = _legacy_record(pk, prev, moment, AuditAction.REPORT_SUBMITTED).hash
    AuditChainHead.objects.update_or_create(pk=1, defaults={"last_id": n, "last_hash": prev})


def test_legacy_chain_fails_the_current_form_alone():
    _legacy_chain(4)
    assert not audit_verify().ok  # what verify said of every demo before the re-anchoring


def test_reanchoring_verifies_the_old_form_and_records_it():
    _legacy_chain(6)
    reanchor.forwards(apps, connection.schema_editor())
    marker = AuditRecord.objects.get(action=AuditAction.CHAIN_REANCHORED)
    assert marker.pk == 7
    assert marker.changes["extra"]["legacy_until"] == 6
    assert marker.changes["extra"]["legacy_checked"] == 6
    assert marker.changes["extra"]["legacy_broken_at"] is None
    audit_record(actor=None, action=AuditAction.REPORT_SUBMITTED, day_only=True)
    result = audit_verify()
    assert result.ok and result.checked == 8
    reanchor.forwards(apps, connection.schema_editor())  # a second run adds nothing
    assert AuditRecord.objects.filter(action=AuditAction.CHAIN_REANCHORED).count() == 1


def test_tampering_with_an_old_record_is_still_found():
    _legacy_chain(5)
    reanchor.forwards(apps, connection.schema_editor())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditrecord DISABLE TRIGGER audit_append_only")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_update")
        cursor.execute("UPDATE audit_auditrecord SET route = 'x' WHERE id = 3")
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditrecord ENABLE TRIGGER audit_append_only")
    result = audit_verify()
    assert (result.broken_id, result.reason) == (3, "content")


def test_empty_chain_is_not_reanchored():
    reanchor.forwards(apps, connection.schema_editor())
    assert not AuditRecord.objects.exists()
