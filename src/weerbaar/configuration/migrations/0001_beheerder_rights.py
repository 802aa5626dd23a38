"""The functioneel beheerder keeps the policy data on the settings pages: case types,
phenomena, measures and their terms, the policy matrix, retention periods, rule thresholds
and teams."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "beheerder": [
        "cases.view_casetype",
        "cases.add_casetype",
        "cases.change_casetype",
        "signals.add_phenomenon",
        "signals.change_phenomenon",
        "signals.change_retentionrule",
        "interventions.change_instrument",
        "interventions.add_policyrule",
        "interventions.change_policyrule",
        "interventions.delete_policyrule",
        "warehouse.change_rulesetting",
        "accounts.add_team",
        "accounts.change_team",
    ]
}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_token_and_grant_rights"),
        ("cases", "0006_reference_required"),
        ("signals", "0011_reference_required"),
        ("interventions", "0002_catalogue_policy_roles"),
        ("warehouse", "0010_run_liveness"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
