from django.db import migrations, models

from weerbaar.core.references import number_existing


def number(apps, schema_editor):
    number_existing(
        apps.get_model("signals", "Signal"),
        apps.get_model("core", "ReferenceCounter"),
        prefix="S",
        date_field="reported_on",
    )


def forget(apps, schema_editor):
    # The column goes with this migration; a later forward run numbers the rows again.
    apps.get_model("core", "ReferenceCounter").objects.filter(prefix="S").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_reference_counter"),
        ("signals", "0009_warehouse_channel"),
    ]

    operations = [
        # Nullable first: SQLite adds the column in place, keeping the search triggers.
        migrations.AddField(
            model_name="signal",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, null=True, verbose_name="signal number"
            ),
        ),
        migrations.RunPython(number, forget),
    ]
