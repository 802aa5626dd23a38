"""Who reads the yearly report (the mayor and management, the regisseur) and who writes its
texts and adopts a year (the regisseur)."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "burgemeester": ["reporting.view_reportyear"],
    "regisseur": ["reporting.view_reportyear", "reporting.change_reportyear"],
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
        ("accounts", "0007_notification_kinds_and_calendar"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
