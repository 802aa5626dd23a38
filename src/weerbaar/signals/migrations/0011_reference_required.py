from django.db import migrations, models

from weerbaar.signals import text_index


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


def teardown(apps, schema_editor):
    # SQLite rebuilds the table for this change, which drops the full-text triggers.
    if schema_editor.connection.vendor == "sqlite":
        _run(schema_editor, text_index.SQLITE_TEARDOWN)


def setup(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _run(schema_editor, text_index.SQLITE_SETUP)


class Migration(migrations.Migration):
    dependencies = [("signals", "0010_reference")]

    operations = [
        migrations.RunPython(teardown, setup),
        migrations.AlterField(
            model_name="signal",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, unique=True, verbose_name="signal number"
            ),
        ),
        migrations.RunPython(setup, teardown),
    ]
