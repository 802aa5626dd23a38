import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record, audit_verify

pytestmark = pytest.mark.django_db


def _chain(n: int, actor=None):
    return [
        audit_record(
            actor=actor, action=AuditAction.SUBJECT_VIEWED, subject_ref=f"s{i}", extra={"i": i}
        )
        for i in range(n)
    ]


def _tamper(sql: str, params=()):
    """Act as a database administrator: lift the append-only triggers, then change rows."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditrecord DISABLE TRIGGER audit_append_only")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditrecord ENABLE TRIGGER audit_append_only")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_delete")
            cursor.execute(sql, params)


def test_intact_chain_verifies(capsys):
    _chain(5)
    assert audit_verify().ok and audit_verify().checked == 5
    call_command("audit", "verify")
    assert "intact: 5 records" in capsys.readouterr().out


def test_database_refuses_update_and_delete():
    _chain(2)
    with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditrecord SET purpose = 'x' WHERE id = 1")


def test_model_refuses_change():
    record = _chain(1)[0]
    with pytest.raises(Exception, match="niet worden gewijzigd"):
        record.save()


def test_edited_row_is_named():
    _chain(5)
    _tamper("UPDATE audit_auditrecord SET actor_username = 'someone' WHERE id = 3")
    result = audit_verify()
    assert (result.broken_id, result.reason) == (3, "content")
    with pytest.raises(CommandError, match="BROKEN at record 3"):
        call_command("audit", "verify")


def test_deleted_row_is_named():
    _chain(5)
    _tamper("DELETE FROM audit_auditrecord WHERE id = 2")
    result = audit_verify()
    assert (result.broken_id, result.reason) == (2, "missing")


def test_rehashed_row_still_breaks_the_link():
    records = _chain(4)
    forged = records[1]
    forged.purpose = "forged"
    _tamper(
        "UPDATE audit_auditrecord SET purpose = %s, hash = %s WHERE id = 2",
        ["forged", forged.compute_hash()],
    )
    result = audit_verify()
    assert (result.broken_id, result.reason) == (3, "link")


def test_truncated_tail_is_detected():
    _chain(4)
    _tamper("DELETE FROM audit_auditrecord WHERE id = 4")
    result = audit_verify()
    assert (result.broken_id, result.reason) == (4, "truncated")


@pytest.mark.parametrize("target", [1, 4, 7])
@pytest.mark.parametrize("column", ["subject_ref", "action", "created_at"])
def test_any_single_edit_is_found_at_its_record(target, column):
    _chain(7)
    value = "2001-01-01 00:00:00" if column == "created_at" else "tampered"
    sql = "UPDATE audit_auditrecord SET " + column + " = %s WHERE id = %s"  # noqa: S608
    _tamper(sql, [value, target])
    assert audit_verify().broken_id == target


def test_anchor_kept_elsewhere_catches_a_rewritten_head(capsys):
    _chain(5)
    call_command("audit", "anchor")
    anchor = capsys.readouterr().out.strip()
    assert anchor.startswith("weerbaar-audit-anchor 5 ")
    # A database administrator removes the last two records and rewrites the head row to match.
    _tamper("DELETE FROM audit_auditrecord WHERE id >= 4")
    record_3 = audit_verify  # the chain up to record 3 is intact in itself
    with connection.cursor() as cursor:
        cursor.execute("SELECT hash FROM audit_auditrecord WHERE id = 3")
        hash_3 = cursor.fetchone()[0]
        cursor.execute("UPDATE audit_auditchainhead SET last_id = 3, last_hash = %s", [hash_3])
    assert record_3().ok  # without the anchor nothing looks wrong
    with pytest.raises(CommandError, match="BROKEN at record 5: the chain no longer contains"):
        call_command("audit", "verify", "--anchor", anchor)
