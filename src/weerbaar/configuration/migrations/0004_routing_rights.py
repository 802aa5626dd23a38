"""The functioneel beheerder keeps the routing rules of signals."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "beheerder": [
        "signals.add_routingrule",
        "signals.change_routingrule",
        "signals.delete_routingrule",
    ],
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("configuration", "0003_export_approvers"), ("signals", "0013_routing_rules")]
    operations = [migrations.RunPython(forwards, backwards)]
