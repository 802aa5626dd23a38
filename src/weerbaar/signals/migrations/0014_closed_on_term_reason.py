"""The day a signal closed, from which the terms of its reports run, and a reason per
retention term. A signal closed before this migration gets the day its keep-until date
implies, or today when it has none (so its terms start late rather than early)."""

from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone


def forwards(apps, schema_editor):
    Signal = apps.get_model("signals", "Signal")
    rule = apps.get_model("signals", "RetentionRule").objects.filter(code="signal_no_action")
    days = rule.values_list("days", flat=True).first() or 365
    today = timezone.localdate()
    closed = Signal.objects.filter(status="closed", closed_on__isnull=True)
    for pk, keep in closed.values_list("pk", "retain_until").iterator():
        day = keep - timedelta(days=days) if keep else today
        Signal.objects.filter(pk=pk).update(closed_on=min(day, today))


class Migration(migrations.Migration):
    dependencies = [("signals", "0013_routing_rules")]

    operations = [
        migrations.AddField(
            model_name="signal",
            name="closed_on",
            field=models.DateField(blank=True, null=True, verbose_name="closed on"),
        ),
        migrations.AddField(
            model_name="retentionrule",
            name="reason",
            field=models.TextField(blank=True, verbose_name="why this term"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
