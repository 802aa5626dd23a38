"""Who records, corrects and ends relations by hand: the analyst and the case officer
(policy data, editable by the functioneel beheerder)."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

RELATE = ["subjects.add_relation", "subjects.change_relation"]
ROLE_PERMISSIONS = {"regisseur": RELATE, "behandelaar": RELATE}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("subjects", "0006_relation_by_hand")]
    operations = [migrations.RunPython(forwards, backwards)]
