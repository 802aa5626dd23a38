"""Background work of the warehouse, run by the huey worker (``weerbaar run_huey``)."""

from huey.contrib.djhuey import db_task

from weerbaar.warehouse import services
from weerbaar.warehouse.models import ImportRun
from weerbaar.warehouse.progress import Throttle


@db_task()
def run_import(run_id: int) -> None:
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).first()
    if run is None:
        return  # already run, or removed

    def show(count: int, percent: int) -> None:
        # Only the figures the page polls: the run's own row stays the importer's.
        ImportRun.objects.filter(pk=run_id).update(rows_read=count, progress=percent)

    services.import_queued(run=run, progress=Throttle(show))
