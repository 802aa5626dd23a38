"""Full-text index, the default retention rule, and who may add enrichment."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke
from weerbaar.signals import text_index

ROLE_PERMISSIONS = {
    role: ["signals.add_enrichment"]
    for role in ("regisseur", "behandelaar", "toezichthouder", "bibob_coordinator")
}


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": text_index.SQLITE_SETUP, "postgresql": text_index.POSTGRES_SETUP}
    for sql in statements.get(vendor, []):
        schema_editor.execute(sql)
    apps.get_model("signals", "RetentionRule").objects.get_or_create(
        code="signal_no_action",
        defaults={"name": "Signaal afgesloten zonder actie", "days": 365},
    )
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": text_index.SQLITE_TEARDOWN, "postgresql": text_index.POSTGRES_TEARDOWN}
    for sql in statements.get(vendor, []):
        schema_editor.execute(sql)
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("signals", "0006_enrichment_links_weighing"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
