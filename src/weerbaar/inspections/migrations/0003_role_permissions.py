"""The toezichthouder and the regisseur see, plan and record every inspection and address
check; the functioneel beheerder keeps the kinds, partner kinds and checklists. (The
beheerder's rights are granted here rather than in ``configuration``, which is above this
app; the settings pages find them through the sections.)"""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

WORK = [
    f"inspections.{verb}_{model}"
    for model in ("inspection", "addresscheck")
    for verb in ("view", "add", "change")
]
POLICY = [
    f"inspections.{verb}_{model}"
    for model in ("inspectionkind", "partnerkind", "checklistitem")
    for verb in ("add", "change", "delete")
]
ROLE_PERMISSIONS = {"toezichthouder": WORK, "regisseur": WORK, "beheerder": POLICY}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("inspections", "0002_seed_policy"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
