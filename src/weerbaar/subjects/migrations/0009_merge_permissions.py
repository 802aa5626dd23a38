"""Who merges duplicate subjects and undoes a merge: the analyst (regisseur)."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {"regisseur": ["subjects.merge_subject"]}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("subjects", "0008_duplicates")]
    operations = [migrations.RunPython(forwards, backwards)]
