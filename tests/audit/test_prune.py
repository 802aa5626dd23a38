"""Records past the audit trail's own term leave tombstones: the chain stays whole and
verifiable, an old anchor still checks, and a record removed any other way is a break."""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from freezegun import freeze_time

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord, AuditTombstone
from weerbaar.audit.services import audit_anchor, audit_prune, audit_record, audit_verify

pytestmark = pytest.mark.django_db


def _chain(n: int):
    for i in range(n):
        audit_record(actor=None, action=AuditAction.SUBJECT_VIEWED, extra={"i": i})


def _old_and_new():
    start = timezone.now()
    with freeze_time(start - timedelta(days=10)):
        _chain(5)
        anchor = audit_anchor()
    _chain(3)
    return start - timedelta(days=1), anchor


def _sql(sql: str, params=()):
    # In a savepoint: on PostgreSQL a refused statement ends the transaction around it.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_old_records_leave_tombstones_and_the_chain_verifies():
    before, anchor = _old_and_new()
    assert audit_prune(before=before) == 5
    assert list(AuditTombstone.objects.values_list("record_id", flat=True)) == [1, 2, 3, 4, 5]
    assert not AuditRecord.objects.filter(pk__lte=5).exists()
    pruned = AuditRecord.objects.get(action=AuditAction.AUDIT_PRUNED)
    assert pruned.changes["extra"]["through"] == 5
    result = audit_verify(anchor=anchor)
    assert result.ok and result.checked == 9  # 5 tombstones, 3 records, the prune record
    assert audit_prune(before=before) == 0


def test_the_database_refuses_to_delete_a_record_without_its_tombstone():
    _chain(3)
    with pytest.raises(Exception, match="append-only"):
        _sql("DELETE FROM audit_auditrecord WHERE id = 1")


def test_the_database_refuses_to_change_or_remove_a_tombstone():
    before, _anchor = _old_and_new()
    audit_prune(before=before)
    with pytest.raises(Exception, match="append-only"):
        _sql("UPDATE audit_audittombstone SET hash = 'x' WHERE record_id = 1")
    with pytest.raises(Exception, match="append-only"):
        _sql("DELETE FROM audit_audittombstone WHERE record_id = 1")


def test_a_tombstone_written_by_hand_in_the_middle_is_a_break():
    _chain(5)
    row = AuditRecord.objects.get(pk=3)
    AuditTombstone.objects.create(record_id=3, prev_hash=row.prev_hash, hash=row.hash)
    _sql("DELETE FROM audit_auditrecord WHERE id = 3")
    assert not audit_verify().ok


def test_a_pruned_prefix_without_its_prune_record_is_a_break():
    _chain(5)
    for row in AuditRecord.objects.filter(pk__lte=2):
        AuditTombstone.objects.create(record_id=row.pk, prev_hash=row.prev_hash, hash=row.hash)
    _sql("DELETE FROM audit_auditrecord WHERE id <= 2")
    result = audit_verify()
    assert (result.ok, result.reason) == (False, "pruned")


def test_an_anchor_that_does_not_match_its_tombstone_is_a_break():
    before, (number, _hash) = _old_and_new()
    audit_prune(before=before)
    assert not audit_verify(anchor=(number, "0" * 64)).ok
