"""Deleting a record with everything that hangs off it, across the apps below ``privacy``.

A record another app points at with ``PROTECT`` is let go there first: a link that may be
empty is emptied (a control or a screening that started from a signal stays, without it),
an agenda item about a signal goes with the signal. Files go from the disk when the
transaction commits; shares of a removed record go with it.
"""

from django.contrib.contenttypes.models import ContentType

from weerbaar.accounts.models import Share
from weerbaar.cases.models import Case, DocumentVersion
from weerbaar.cases.services import DOCUMENT_FOLDER
from weerbaar.core import files
from weerbaar.inspections.models import AddressCheck, Inspection
from weerbaar.intake import storage
from weerbaar.intake.models import Attachment, Report
from weerbaar.meetings.models import AgendaItem
from weerbaar.privacy.models import LegalHold
from weerbaar.screening.models import Screening
from weerbaar.signals.models import Signal


def attachments_delete(rows) -> int:
    ids = list(rows.values_list("pk", flat=True))
    uuids = list(Attachment.objects.filter(pk__in=ids).values_list("uuid", flat=True))
    files.remove(storage.FOLDER, uuids)
    Attachment.objects.filter(pk__in=ids).delete()
    return len(ids)


def _shares_delete(model, uuids) -> None:
    kind = ContentType.objects.get_for_model(model)
    Share.objects.filter(content_type=kind, object_uuid__in=uuids).delete()


def signals_delete(rows) -> int:
    """Delete the signals (and those merged into them), their reports and agenda items."""
    ids = set(rows.values_list("pk", flat=True))
    ids |= set(Signal.objects.filter(merged_into__in=ids).values_list("pk", flat=True))
    if not ids:
        return 0
    attachments_delete(Attachment.objects.filter(report__signal__in=ids))
    Report.objects.filter(signal__in=ids).delete()
    AgendaItem.objects.filter(signal__in=ids).delete()
    for model, fields in (
        (Inspection, ("signal", "made_signal")),
        (Screening, ("signal",)),
        (AddressCheck, ("signal",)),
    ):
        for field in fields:
            model.objects.filter(**{f"{field}__in": ids}).update(**{field: None})
    _shares_delete(Signal, Signal.objects.filter(pk__in=ids).values_list("uuid", flat=True))
    # Lifted holds go with their record; an active one stops the batch (PROTECT), so a hold
    # placed while the job runs is never lost.
    LegalHold.objects.filter(signal__in=ids, lifted_at__isnull=False).delete()
    Signal.objects.filter(pk__in=ids).delete()
    return len(ids)


def cases_delete(rows) -> int:
    """Delete the cases with their documents (files included), notes, tasks and team; a
    measure must have gone before (its own term)."""
    ids = list(rows.values_list("pk", flat=True))
    if not ids:
        return 0
    versions = DocumentVersion.objects.filter(document__case__in=ids)
    files.remove(DOCUMENT_FOLDER, list(versions.values_list("uuid", flat=True)))
    AgendaItem.objects.filter(case__in=ids).update(case=None)
    for model, fields in ((Inspection, ("case", "made_case")), (Screening, ("case",))):
        for field in fields:
            model.objects.filter(**{f"{field}__in": ids}).update(**{field: None})
    _shares_delete(Case, Case.objects.filter(pk__in=ids).values_list("uuid", flat=True))
    LegalHold.objects.filter(case__in=ids, lifted_at__isnull=False).delete()
    Case.objects.filter(pk__in=ids).delete()
    return len(ids)
