"""The regisseur and analysts review the warehouse's alerts."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {"regisseur": ["warehouse.view_alert", "warehouse.change_alert"]}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("warehouse", "0002_rules_alerts"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
