"""The regisseur may start an import of a registry extract from the web page."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {"regisseur": ["warehouse.add_importrun"]}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("warehouse", "0004_import_progress"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
