"""The functioneel beheerder keeps the Bibob policy's permit kinds and checklist."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "beheerder": [
        "screening.add_permitkind",
        "screening.change_permitkind",
        "screening.add_checklistitem",
        "screening.change_checklistitem",
    ],
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("configuration", "0004_routing_rights"), ("screening", "0002_policy_and_role")]
    operations = [migrations.RunPython(forwards, backwards)]
