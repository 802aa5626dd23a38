"""Background work of the warehouse, run by the huey worker (``weerbaar run_huey``)."""

from django.utils import timezone
from huey.contrib.djhuey import db_task, on_startup

from weerbaar.warehouse import liveness, services
from weerbaar.warehouse.link_registry import link_all
from weerbaar.warehouse.models import ImportRun, ScanRun
from weerbaar.warehouse.progress import Throttle
from weerbaar.warehouse.scan import scan


@on_startup()
def reap_dead_runs() -> None:
    """A worker that starts again finds the runs its predecessor left 'running'."""
    liveness.reap()


@db_task()
def run_import(run_id: int) -> None:
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).first()
    if run is None:
        return  # already run, or removed

    def show(count: int, percent: int) -> None:
        # Only the figures the page polls: the run's own row stays the importer's.
        ImportRun.objects.filter(pk=run_id).update(rows_read=count, progress=percent)

    services.import_queued(run=run, progress=Throttle(show))


def _work_off(run_id: int, work) -> None:
    """Run ``work(actor, progress)`` for a queued run, keeping its status and progress on
    the run's row for the page to poll; what it returns is the run's outcome."""
    run = ScanRun.objects.filter(pk=run_id, status=ScanRun.Status.QUEUED).first()
    if run is None:
        return  # already run, or removed
    liveness.reap()
    ScanRun.objects.filter(pk=run_id).update(
        status=ScanRun.Status.RUNNING, worker=liveness.worker_id(), heartbeat_at=timezone.now()
    )

    def show(done: int, total: int) -> None:
        ScanRun.objects.filter(pk=run_id).update(progress=100 * done // total)

    try:
        with liveness.heartbeat(ScanRun, run_id):
            counts = work(run.started_by, show)
    except Exception as exc:  # noqa: BLE001 - shown on the page; nothing was changed
        ScanRun.objects.filter(pk=run_id).update(
            status=ScanRun.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    ScanRun.objects.filter(pk=run_id).update(
        status=ScanRun.Status.DONE, progress=100, counts=counts, finished_at=timezone.now()
    )


def _rules(actor, progress) -> dict:
    counts = scan(actor=actor, progress=progress)
    counts.pop("rules")
    return counts


@db_task()
def run_scan(run_id: int) -> None:
    _work_off(run_id, _rules)


@db_task()
def run_linkage(run_id: int) -> None:
    _work_off(run_id, lambda actor, progress: link_all(actor=actor, progress=progress))
