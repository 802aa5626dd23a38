from django.db import migrations, models

from weerbaar.core.references import number_existing


def number(apps, schema_editor):
    number_existing(
        apps.get_model("cases", "Case"),
        apps.get_model("core", "ReferenceCounter"),
        prefix="C",
        date_field="opened_on",
    )


def forget(apps, schema_editor):
    # The column goes with this migration; a later forward run numbers the rows again.
    apps.get_model("core", "ReferenceCounter").objects.filter(prefix="C").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_reference_counter"),
        ("cases", "0004_case_team"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, null=True, verbose_name="case number"
            ),
        ),
        migrations.RunPython(number, forget),
    ]
