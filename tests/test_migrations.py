"""Migrations run backwards and forwards again on the database under test (T9)."""

import pytest
from django.core.management import call_command
from django.db import connection

from weerbaar.audit.models import AuditRecord


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_apps_migrate_back_and_forth():
    call_command("migrate", "subjects", "zero", verbosity=0)
    call_command("migrate", "audit", "0001", verbosity=0)
    assert "subjects_subject" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert "subjects_subject" in connection.introspection.table_names()
    # The append-only triggers are back after the round trip.
    from weerbaar.audit.services import audit_record

    audit_record(actor=None, action="subjects.searched")
    with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditrecord")
    # Let the test database be emptied afterwards, as a database administrator could.
    migration = __import__("importlib").import_module("weerbaar.audit.migrations.0002_append_only")
    with connection.cursor() as cursor:
        for sql in migration.UNDO[connection.vendor]:
            cursor.execute(sql)
        cursor.execute("DELETE FROM audit_auditrecord")
        cursor.execute("DELETE FROM audit_auditchainhead")
    assert AuditRecord.objects.count() == 0
    call_command("migrate", "audit", "0001", verbosity=0)
    call_command("migrate", verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_roles_come_back_with_their_permissions():
    from django.contrib.auth.models import Group

    call_command("migrate", "subjects", "0002", verbosity=0)
    assert (
        not Group.objects.get(name="regisseur").permissions.filter(codename="view_subject").exists()
    )
    call_command("migrate", verbosity=0)
    assert Group.objects.get(name="regisseur").permissions.filter(codename="view_subject").exists()
