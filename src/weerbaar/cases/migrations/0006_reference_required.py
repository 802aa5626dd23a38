from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_reference")]

    operations = [
        migrations.AlterField(
            model_name="case",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, unique=True, verbose_name="case number"
            ),
        ),
    ]
