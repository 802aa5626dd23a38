"""The warehouse's records in the retention job (``core.retention``; the job lives in
``privacy``, a sibling that may not import this app)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from weerbaar.core import files, retention
from weerbaar.warehouse.imports import UPLOADS
from weerbaar.warehouse.models import Alert, ImportRun


def _alerts_due(today, days):
    """Alerts dealt with (dismissed, turned into a signal, followed up or lapsed) before the
    term; an open alert waits for its review."""
    cutoff = today - timedelta(days=days)
    done = Q(reviewed_at__date__lt=cutoff) | Q(reviewed_at__isnull=True, raised_at__date__lt=cutoff)
    return Alert.objects.exclude(status=Alert.Status.OPEN).filter(done)


def _alerts_remove(rows) -> int:
    return rows.delete()[1].get(Alert._meta.label, 0)


def _imports_due(today, days):
    """Import reports (with their rejected rows, which name registry objects) past the term;
    the last loaded import of each source stays, as the version the warehouse holds."""
    cutoff = today - timedelta(days=days)
    return (
        ImportRun.objects.filter(started_at__date__lt=cutoff)
        .exclude(status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING])
        .exclude(pk__in=_current_runs())
    )


def _current_runs() -> list[int]:
    latest: dict[str, int] = {}
    loaded = ImportRun.objects.filter(status=ImportRun.Status.LOADED).order_by("started_at", "id")
    for source, pk in loaded.values_list("source", "pk"):
        latest[source] = pk
    return list(latest.values())


def _imports_remove(rows) -> int:
    runs = list(rows.values_list("pk", "uuid"))
    ImportRun.objects.filter(pk__in=[pk for pk, _uuid in runs]).delete()
    # An upload whose worker died before it could remove it; gone once the batch commits.
    transaction.on_commit(lambda: _leftovers_remove([run_uuid for _pk, run_uuid in runs]))
    return len(runs)


def _leftovers_remove(uuids) -> None:
    for run_uuid in uuids:
        base = files.path_for(UPLOADS, run_uuid)
        for leftover in base.parent.glob(base.name + ".*"):
            leftover.unlink(missing_ok=True)


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
    retention.register(
        retention.Kind(
            code="warehouse_import",
            title=_("Import reports of the warehouse"),
            default_days=365,
            reason=_(
                "An import's report and its rejected rows, counted from the import; the last "
                "loaded import of each source stays, as the version the warehouse holds."
            ),
            due=_imports_due,
            remove=_imports_remove,
            label=lambda r: _("import %(n)s (%(source)s)") % {"n": r.pk, "source": r.source},
            order=85,
        )
    )
