"""The functioneel beheerder keeps the standard messages to reporters."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "beheerder": ["intake.add_standardtext", "intake.change_standardtext"],
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("configuration", "0001_beheerder_rights"), ("intake", "0009_standard_texts")]
    operations = [migrations.RunPython(forwards, backwards)]
