"""The FG signs off the review of access rights."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {"fg": ["privacy.sign_accessreview"]}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0005_access_review"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
