"""Public API of the warehouse app for writes: importing registry extracts, the upload
queue, reviewing alerts and linkage pairs, queueing scans.

The work lives next to what it is about: each source in ``warehouse.sources`` (one module
per registry, in one registry of ids), the upload queue in ``warehouse.imports``, alert
review in ``warehouse.alerts``, link review in ``warehouse.link_review``. Other apps, views,
tasks and commands call it through this module.
"""

from datetime import timedelta

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.warehouse import liveness, sources
from weerbaar.warehouse.alerts import (
    alert_dismiss,
    alert_follow_up_record,
    alert_to_signal,
    alerts_dismiss,
)
from weerbaar.warehouse.imports import UPLOADS, import_queue, import_queued
from weerbaar.warehouse.link_review import link_decide
from weerbaar.warehouse.models import ImportRun, ScanRun
from weerbaar.warehouse.sources import closures
from weerbaar.warehouse.sources.bag import CSV_COLUMNS
from weerbaar.warehouse.sources.base import Progress, no_progress
from weerbaar.warehouse.sources.kvk import COLUMNS as KVK_COLUMNS

__all__ = [
    "CSV_COLUMNS",
    "KVK_COLUMNS",
    "UPLOADS",
    "alert_dismiss",
    "alert_follow_up_record",
    "alert_to_signal",
    "alerts_dismiss",
    "import_bag",
    "import_brp",
    "import_closures",
    "import_kvk",
    "import_permits",
    "import_queue",
    "import_queued",
    "import_source",
    "link_decide",
    "scan_queue",
]


def import_source(
    *, kind: str, path, actor: User | None = None, progress: Progress = no_progress, run=None
) -> ImportRun:
    """Import the delivery at ``path`` with the source registered as ``kind`` ("bag-xml",
    "brp-csv", ...); returns the run with its report."""
    return sources.get(kind).run(path=path, actor=actor, progress=progress, run=run)


def import_bag(*, path, fmt: str = "xml", **options) -> ImportRun:
    """A BAG extract: LV XML (folder, XML or nested zips) or the flat CSV."""
    return import_source(kind=f"bag-{fmt}", path=path, **options)


def import_brp(*, path, fmt: str = "json", **options) -> ImportRun:
    """BRP persons and/or address occupancy: Haal Centraal JSON or the flat CSV."""
    return import_source(kind=f"brp-{fmt}", path=path, **options)


def import_kvk(*, path, fmt: str = "csv", **options) -> ImportRun:
    return import_source(kind=f"kvk-{fmt}", path=path, **options)


def import_permits(*, path, fmt: str = "csv", **options) -> ImportRun:
    return import_source(kind=f"permits-{fmt}", path=path, **options)


def import_closures(*, actor: User | None = None) -> ImportRun:
    """Copy the municipality's own closures and warnings from the case system."""
    return closures.copy(actor=actor)


def scan_queue(*, actor: User, work: str = ScanRun.Work.RULES) -> ScanRun:
    """Queue a run of all rules (``warehouse.tasks.run_scan``) or of the record linkage
    (``run_linkage``) for the background worker; a run of the same work already waiting or
    running is not queued twice."""
    liveness.reap()
    busy = ScanRun.objects.filter(
        work=work,
        status__in=[ScanRun.Status.QUEUED, ScanRun.Status.RUNNING],
        started_at__gte=timezone.now() - timedelta(hours=2),  # not one lost from the queue
    )
    return busy.first() or ScanRun.objects.create(
        work=work, status=ScanRun.Status.QUEUED, started_by=actor
    )
