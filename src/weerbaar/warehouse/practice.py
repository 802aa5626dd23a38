"""The sources the warehouse imported, for the FG's processing register (``core.practice``):
per source, its imports in the last year, the last one loaded and how many rows it holds."""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.core import practice
from weerbaar.warehouse.models import ImportRun
from weerbaar.warehouse.sources import registry


def _rows():
    year_ago = timezone.now() - timedelta(days=365)
    runs = ImportRun.objects.values("source").annotate(
        year=Count("pk", filter=Q(started_at__gte=year_ago)),
        last=Max("finished_at", filter=Q(status=ImportRun.Status.LOADED)),
    )
    loaded = {}
    for run in ImportRun.objects.filter(status=ImportRun.Status.LOADED).order_by("started_at"):
        loaded[run.source] = run.rows_loaded
    for run in runs.order_by("source"):
        try:
            label = str(registry.get(run["source"]).label) or run["source"]
        except KeyError:
            label = run["source"]
        last = run["last"]
        yield practice.Row(
            label,
            (
                str(run["year"]),
                timezone.localtime(last).strftime("%d-%m-%Y") if last else "—",
                f"{loaded.get(run['source'], 0):,}".replace(",", "."),
            ),
        )


def register() -> None:
    practice.register(
        "warehouse",
        practice.Section(
            _("Sources imported into the information warehouse"),
            (_("Imports in the last year"), _("Last loaded"), _("Rows of the last load")),
            _rows,
        ),
    )
