import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def give_ids(apps, schema_editor):
    Note = apps.get_model("cases", "Note")
    for note in Note.objects.filter(uuid__isnull=True).only("pk"):
        Note.objects.filter(pk=note.pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_reference_required"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Nullable first, each existing note its own id, then unique.
        migrations.AddField(
            model_name="note", name="uuid", field=models.UUIDField(null=True, editable=False)
        ),
        migrations.RunPython(give_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="note",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="note",
            name="changed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="corrected at"),
        ),
        migrations.AddField(
            model_name="note",
            name="removed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="removed at"),
        ),
        migrations.AddField(
            model_name="note",
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
            model_name="note",
            name="removal_reason",
            field=models.CharField(blank=True, max_length=500, verbose_name="reason for removal"),
        ),
    ]
