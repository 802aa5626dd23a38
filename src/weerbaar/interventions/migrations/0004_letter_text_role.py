"""The functioneel beheerder keeps the letters' paragraph texts (policy data)."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {"beheerder": ["interventions.change_lettertext"]}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("interventions", "0003_letters")]
    operations = [migrations.RunPython(forwards, backwards)]
