"""Background work of the warehouse, run by the huey worker (``weerbaar run_huey``)."""

from django.utils import timezone
from huey.contrib.djhuey import db_task

from weerbaar.warehouse import services
from weerbaar.warehouse.models import ImportRun, ScanRun
from weerbaar.warehouse.progress import Throttle
from weerbaar.warehouse.scan import scan


@db_task()
def run_import(run_id: int) -> None:
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).first()
    if run is None:
        return  # already run, or removed

    def show(count: int, percent: int) -> None:
        # Only the figures the page polls: the run's own row stays the importer's.
        ImportRun.objects.filter(pk=run_id).update(rows_read=count, progress=percent)

    services.import_queued(run=run, progress=Throttle(show))


@db_task()
def run_scan(run_id: int) -> None:
    run = ScanRun.objects.filter(pk=run_id, status=ScanRun.Status.QUEUED).first()
    if run is None:
        return
    ScanRun.objects.filter(pk=run_id).update(status=ScanRun.Status.RUNNING)

    def show(done: int, total: int) -> None:
        ScanRun.objects.filter(pk=run_id).update(progress=100 * done // total)

    try:
        counts = scan(actor=run.started_by, progress=show)
    except Exception as exc:  # noqa: BLE001 - shown on the page; the alerts are unchanged
        ScanRun.objects.filter(pk=run_id).update(
            status=ScanRun.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    counts.pop("rules")
    ScanRun.objects.filter(pk=run_id).update(
        status=ScanRun.Status.DONE, progress=100, counts=counts, finished_at=timezone.now()
    )
