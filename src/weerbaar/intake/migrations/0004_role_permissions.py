"""Partners (ketenpartner) may submit signals through the partner form."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {"ketenpartner": ["intake.submit_partner_report"]}


def forwards(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("intake", "0003_staff_and_partner_reports"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
