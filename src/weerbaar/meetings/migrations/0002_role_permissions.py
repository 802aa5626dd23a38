"""The regisseur runs the meetings; municipal roles read every item, partners only shares."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

INTERNAL = "meetings.view_internal_items"
ROLE_PERMISSIONS = {
    "regisseur": ["meetings.view_meeting", "meetings.change_meeting", INTERNAL],
    "medewerker": [INTERNAL],
    "behandelaar": [INTERNAL],
    "toezichthouder": [INTERNAL],
    "bibob_coordinator": [INTERNAL],
    "burgemeester": [INTERNAL],
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
