"""Who approves another user's bulk export (SECURITY.md P23): the regisseur, who knows why
the lists are needed, and the privacy officer."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "regisseur": ["audit.approve_exportrequest"],
    "fg": ["audit.approve_exportrequest"],
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("configuration", "0002_standard_texts_rights"), ("audit", "0006_export_requests")]
    operations = [migrations.RunPython(forwards, backwards)]
