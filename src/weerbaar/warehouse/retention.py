"""The warehouse's records in the retention job (``core.retention``; the job lives in
``privacy``, a sibling that may not import this app)."""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from weerbaar.core import retention
from weerbaar.warehouse.models import Alert


def _alerts_due(today, days):
    """Alerts dealt with (dismissed, turned into a signal, followed up or lapsed) before the
    term; an open alert waits for its review."""
    cutoff = today - timedelta(days=days)
    done = Q(reviewed_at__date__lt=cutoff) | Q(reviewed_at__isnull=True, raised_at__date__lt=cutoff)
    return Alert.objects.exclude(status=Alert.Status.OPEN).filter(done)


def _alerts_remove(rows) -> int:
    return rows.delete()[1].get(Alert._meta.label, 0)


def register() -> None:
    retention.register(
        retention.Kind(
            code="warehouse_alert",
            title=_("Alerts of the warehouse"),
            default_days=365,
            reason=_(
                "An alert that was dealt with is kept a year for the accounting; if the rule "
                "still finds the object afterwards, the next scan raises it anew for a fresh "
                "review."
            ),
            due=_alerts_due,
            remove=_alerts_remove,
            label=lambda a: _("alert %(n)s (%(rule)s)") % {"n": a.pk, "rule": a.rule},
            order=80,
        )
    )
