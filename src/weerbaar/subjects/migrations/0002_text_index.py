from django.db import migrations

from weerbaar.subjects import text_index


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": text_index.SQLITE_SETUP, "postgresql": text_index.POSTGRES_SETUP}
    for sql in statements.get(vendor, []):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": text_index.SQLITE_TEARDOWN, "postgresql": text_index.POSTGRES_TEARDOWN}
    for sql in statements.get(vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("subjects", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
