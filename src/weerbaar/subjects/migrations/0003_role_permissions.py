"""Which roles see and record subjects (policy data, editable by the functioneel beheerder)."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

SEE = ["subjects.view_subject"]
RECORD = ["subjects.view_subject", "subjects.add_subject", "subjects.change_subject"]
ROLE_PERMISSIONS = {
    "regisseur": RECORD,
    "behandelaar": RECORD,
    "toezichthouder": SEE,
    "bibob_coordinator": SEE,
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("subjects", "0002_text_index"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
