import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from weerbaar.signals import text_index


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


def teardown(apps, schema_editor):
    # SQLite rebuilds the signal table to add a column, which drops the full-text triggers.
    if schema_editor.connection.vendor == "sqlite":
        _run(schema_editor, text_index.SQLITE_TEARDOWN)


def setup(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _run(schema_editor, text_index.SQLITE_SETUP)


class Migration(migrations.Migration):
    dependencies = [
        ("signals", "0011_reference_required"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(teardown, setup),
        migrations.AddField(
            model_name="enrichment",
            name="changed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="corrected at"),
        ),
        migrations.AddField(
            model_name="enrichment",
            name="merged_from",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="signals.signal",
            ),
        ),
        migrations.AddField(
            model_name="enrichment",
            name="removal_reason",
            field=models.CharField(blank=True, max_length=500, verbose_name="reason for removal"),
        ),
        migrations.AddField(
            model_name="enrichment",
            name="removed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="removed at"),
        ),
        migrations.AddField(
            model_name="enrichment",
            name="removed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="signal",
            name="status_before_merge",
            field=models.CharField(
                blank=True,
                choices=[
                    ("new", "New"),
                    ("in_progress", "In progress"),
                    ("for_lio", "For the LIO"),
                    ("decided", "Decided"),
                    ("closed", "Closed"),
                ],
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="signalsubject",
            name="merged_from",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="signals.signal",
            ),
        ),
        migrations.AddField(
            model_name="weighing",
            name="merged_from",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="signals.signal",
            ),
        ),
        migrations.RunPython(setup, teardown),
    ]
