"""Merging duplicate signals, and undoing a merge (re-exported by ``signals.services``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.locks import locked
from weerbaar.signals.models import Signal, SignalSubject


@transaction.atomic
def signal_merge(
    *, actor: User, source: Signal, target: Signal, reason: str = "", version: int | None = None
) -> Signal:
    """Merge duplicate ``source`` into ``target``.

    The reports stay attached to ``source``, which points at ``target``: whoever reads the
    target reads the reports, attachments and reporter dialogues of every merged signal, and
    a reporter following up a merged report sees the target's status. Subjects, enrichments
    and weighings move to the target, each remembering where it came from so the merge can
    be undone (``signal_merge_undo``); the source is closed.
    """
    if source.pk == target.pk:
        raise ValidationError(_("A signal cannot be merged into itself."))
    rows = Signal.objects.select_for_update().in_bulk([source.pk, target.pk])
    source, target = locked(rows[source.pk], version), rows[target.pk]
    if target.merged_into_id or source.merged_into_id:
        raise ValidationError(_("This signal has already been merged into another one."))
    if target.status == SignalStatus.CLOSED:
        raise ValidationError(_("A signal cannot be merged into a closed signal."))
    # Keep the chain one step deep: what was merged into the source now points at the target.
    Signal.objects.filter(merged_into=source).update(merged_into=target)
    linked = set(target.subject_links.values_list("subject_id", flat=True))
    for link in source.subject_links.exclude(subject_id__in=linked):
        SignalSubject.objects.create(
            signal=target,
            subject_id=link.subject_id,
            role=link.role,
            merged_from_id=link.merged_from_id or source.pk,
        )
    for rows_of in (source.enrichments, source.weighings):
        rows_of.filter(merged_from__isnull=True).update(merged_from=source)
        rows_of.update(signal=target)
    target.related.add(*source.related.exclude(pk=target.pk))
    target.related.remove(source)
    old_status = source.status
    source.merged_into, source.status = target, SignalStatus.CLOSED
    source.status_before_merge = old_status
    source.version += 1
    source.save(update_fields=["merged_into", "status", "status_before_merge", "version"])
    target.version += 1
    target.save(update_fields=["version"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_MERGED,
        obj=source,
        purpose=reason.strip(),
        old={"status": old_status},
        new={"merged_into": str(target.uuid), "status": SignalStatus.CLOSED},
    )
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_MERGED,
        obj=target,
        purpose=reason.strip(),
        new={"merged_from": str(source.uuid)},
    )
    return target


@transaction.atomic
def signal_merge_undo(
    *, actor: User, signal: Signal, reason: str, version: int | None = None
) -> Signal:
    """Undo the merge of ``signal`` into another: it gets back the status it had, and the
    subjects, enrichments and weighings it brought along go back to it. What was added to
    the other signal after the merge stays there; so do signals merged into this one before
    (they were re-pointed at the other signal and are undone there, one by one)."""
    signal = locked(signal, version)
    if not signal.merged_into_id:
        raise ValidationError(_("This signal has not been merged into another one."))
    if len(reason.strip()) < 5:
        raise ValidationError({"reason": _("Give the reason for this correction.")})
    target = Signal.objects.select_for_update().get(pk=signal.merged_into_id)
    # The links it brought: its own links never left it, so only the copies go.
    SignalSubject.objects.filter(signal=target, merged_from=signal).delete()
    for model in (target.enrichments, target.weighings):
        model.filter(merged_from=signal).update(signal=signal, merged_from=None)
    status = signal.status_before_merge or SignalStatus.IN_PROGRESS
    signal.merged_into, signal.status, signal.status_before_merge = None, status, ""
    signal.version += 1
    signal.save(update_fields=["merged_into", "status", "status_before_merge", "version"])
    target.version += 1
    target.save(update_fields=["version"])
    for obj, old, new in (
        (
            signal,
            {"merged_into": str(target.uuid), "status": SignalStatus.CLOSED},
            {"merged_into": None, "status": status},
        ),
        (target, {"merged_from": str(signal.uuid)}, {"merged_from": None}),
    ):
        audit_record(
            actor=actor,
            action=AuditAction.SIGNAL_MERGE_UNDONE,
            obj=obj,
            purpose=reason.strip(),
            old=old,
            new=new,
        )
    return signal
