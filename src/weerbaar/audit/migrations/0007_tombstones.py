"""Tombstones for records past the audit trail's own term: the database lets a record go
only once a tombstone with its id and hash is written, and refuses changes to tombstones.
The chain stays whole: verify walks the tombstones' hashes, then the records."""

from django.db import migrations, models

REFUSE = "'audit trail is append-only'"
SQLITE = [
    "DROP TRIGGER IF EXISTS audit_no_delete",
    f"""CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditrecord
       WHEN NOT EXISTS (SELECT 1 FROM audit_audittombstone t
                        WHERE t.record_id = OLD.id AND t.hash = OLD.hash)
       BEGIN SELECT RAISE(ABORT, {REFUSE}); END""",
    f"""CREATE TRIGGER audit_tombstone_no_update BEFORE UPDATE ON audit_audittombstone
       BEGIN SELECT RAISE(ABORT, {REFUSE}); END""",
    f"""CREATE TRIGGER audit_tombstone_no_delete BEFORE DELETE ON audit_audittombstone
       BEGIN SELECT RAISE(ABORT, {REFUSE}); END""",
]
POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' AND EXISTS (
           SELECT 1 FROM audit_audittombstone t WHERE t.record_id = OLD.id AND t.hash = OLD.hash
         ) THEN RETURN OLD; END IF;
         RAISE EXCEPTION {REFUSE};
       END $$""",
    f"""CREATE FUNCTION audit_tombstone_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION {REFUSE}; END $$""",
    """CREATE TRIGGER audit_tombstone_append_only BEFORE UPDATE OR DELETE
       ON audit_audittombstone FOR EACH ROW EXECUTE FUNCTION audit_tombstone_refuse()""",
]
UNDO = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_no_delete",
        """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditrecord
           BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END""",
        "DROP TRIGGER IF EXISTS audit_tombstone_no_update",
        "DROP TRIGGER IF EXISTS audit_tombstone_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_tombstone_append_only ON audit_audittombstone",
        "DROP FUNCTION IF EXISTS audit_tombstone_refuse()",
        """CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql
           AS $$ BEGIN RAISE EXCEPTION 'audit trail is append-only'; END $$""",
    ],
}


def forwards(apps, schema_editor):
    for sql in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    for sql in UNDO.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_export_requests")]

    operations = [
        migrations.CreateModel(
            name="AuditTombstone",
            fields=[
                ("record_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("prev_hash", models.CharField(max_length=64)),
                ("hash", models.CharField(max_length=64)),
            ],
            options={
                "verbose_name": "removed audit record",
                "verbose_name_plural": "removed audit records",
                "ordering": ["record_id"],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
