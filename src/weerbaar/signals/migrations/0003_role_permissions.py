"""The regisseur/analist sees every signal; others only through team or share."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {"regisseur": ["signals.view_signal", "signals.change_signal"]}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("signals", "0002_phenomena"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
