"""Imports started from the web page: the uploaded extract is kept in the private import
folder and its import queued for the background worker (``warehouse.tasks.run_import``)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core import files
from weerbaar.warehouse import sources
from weerbaar.warehouse.models import ImportRun
from weerbaar.warehouse.sources.base import Progress, no_progress

UPLOADS = "warehouse-imports"


def _uploadable(kind: str):
    source = sources.uploadable().get(kind)
    if source is None:
        raise ValidationError({"kind": _("Choose what kind of extract this is.")})
    return source


@transaction.atomic
def import_queue(*, actor, kind: str, upload) -> ImportRun:
    """Keep an uploaded extract and queue its import; the caller hands the run to the
    background worker."""
    source = _uploadable(kind)
    suffix = Path(upload.name).suffix.lower()
    if suffix not in source.endings:
        raise ValidationError(
            {
                "upload": _("This kind of import needs a file ending in %(endings)s.")
                % {"endings": ", ".join(source.endings)}
            }
        )
    run = ImportRun.objects.create(
        source=kind,
        file_name=Path(upload.name).name[:255],
        status=ImportRun.Status.QUEUED,
        started_by=actor,
    )
    target = files.path_for(UPLOADS, run.uuid).with_suffix(suffix)
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    audit_record(actor=actor, action=AuditAction.WAREHOUSE_IMPORT, obj=run, new={"queued": kind})
    return run


def _upload_of(run: ImportRun, endings) -> Path | None:
    stored = (files.path_for(UPLOADS, run.uuid).with_suffix(e) for e in endings)
    return next((path for path in stored if path.exists()), None)


def import_queued(*, run: ImportRun, progress: Progress = no_progress) -> ImportRun:
    """Run a queued import (in the background worker) and remove the uploaded file."""
    source = sources.get(run.source)
    path = _upload_of(run, source.endings)
    if path is None:
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.FAILED, error=_("the file of this import is gone")
        )
        return run
    try:
        return source.run(path=path, actor=run.started_by, run=run, progress=progress)
    finally:
        path.unlink(missing_ok=True)
