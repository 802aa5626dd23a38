"""Case officers and inspectors may open another team's record with a reason; the FG judges."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "behandelaar": ["privacy.add_emergencyaccess"],
    "toezichthouder": ["privacy.add_emergencyaccess"],
    "fg": ["privacy.judge_emergencyaccess"],
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0009_emergency_access"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
