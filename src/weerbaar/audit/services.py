"""Public API of the audit app for writes: every app records through ``audit_record``."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit import anchoring, chain
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.models import (
    GENESIS_HASH,
    AuditChainHead,
    AuditRecord,
    AuditTombstone,
    ExportRequest,
)


def _actor_fields(actor: AbstractBaseUser | AnonymousUser | None) -> dict:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor_id": None, "actor_username": "", "actor_roles": ""}
    roles = ",".join(sorted(actor.groups.values_list("name", flat=True)))
    return {"actor_id": actor.pk, "actor_username": actor.get_username(), "actor_roles": roles}


def _object_fields(obj) -> dict:
    if obj is None:
        return {"object_type": "", "object_id": ""}
    ident = getattr(obj, "uuid", None) or obj.pk
    return {"object_type": obj._meta.label_lower, "object_id": str(ident)}


def _route(request) -> str:
    if request is None:
        return ""
    match = getattr(request, "resolver_match", None)
    name = match.view_name if match else ""
    return f"{request.method} {name or request.path}"[:255]


def _day_start():
    day = timezone.localdate()
    return timezone.make_aware(datetime.combine(day, time.min))


@transaction.atomic
def audit_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: AuditAction,
    obj=None,
    subject_ref: str = "",
    request=None,
    route: str = "",
    purpose: str = "",
    old: dict | None = None,
    new: dict | None = None,
    result: AuditResult = AuditResult.ALLOWED,
    extra: dict | None = None,
    day_only: bool = False,
) -> AuditRecord:
    """Append one record to the chain, in the caller's transaction when there is one.

    ``day_only`` keeps only the date, for acts of public reporters, whose moment of sending
    is not stored anywhere (SECURITY.md P6); the order stays in the record number.
    """
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"last_id": 0, "last_hash": GENESIS_HASH}
    )
    changes = {k: v for k, v in (("old", old), ("new", new), ("extra", extra)) if v}
    record = AuditRecord(
        pk=head.last_id + 1,
        created_at=_day_start() if day_only else timezone.now(),
        action=action,
        result=result,
        subject_ref=str(subject_ref or ""),
        route=route or _route(request),
        purpose=purpose[:500],
        # Round-trip through JSON so the hash is computed over what the database returns.
        changes=json.loads(json.dumps(changes, cls=DjangoJSONEncoder)),
        prev_hash=head.last_hash,
        **_actor_fields(actor),
        **_object_fields(obj),
    )
    record.hash = record.compute_hash()
    record.save(force_insert=True)
    head.last_id, head.last_hash = record.pk, record.hash
    head.save(update_fields=["last_id", "last_hash"])
    return record


# Records let go per call of audit_prune: one short transaction each.
PRUNE_BATCH = 500


@dataclass
class VerifyResult:
    checked: int
    broken_id: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def audit_anchor() -> tuple[int, str]:
    """The chain head (newest record number and hash), to be kept outside the database."""
    head = AuditChainHead.objects.filter(pk=1).first()
    return (head.last_id, head.last_hash) if head else (0, GENESIS_HASH)


def audit_verify(
    *,
    chunk_size: int = 5000,
    anchor: tuple[int, str] | None = None,
    anchors: Iterable[tuple[int, str]] = (),
) -> VerifyResult:
    """Recompute the whole chain; name the first record where it breaks.

    With an ``anchor`` (or ``anchors``) kept elsewhere, a record at or after it that was
    removed or rewritten is found even when whoever did it also rewrote the head row.
    """
    result = _verify_chain(chunk_size)
    wanted = sorted({*anchors, *([anchor] if anchor and anchor[0] else [])})
    if not result.ok or not wanted:
        return result
    numbers = [number for number, _digest in wanted]
    found = dict(AuditRecord.objects.filter(pk__in=numbers).values_list("pk", "hash"))
    # An anchor older than the trail's term still checks against the record's tombstone.
    found |= dict(AuditTombstone.objects.filter(pk__in=numbers).values_list("record_id", "hash"))
    for number, digest in wanted:
        if found.get(number) != digest:
            return VerifyResult(result.checked, number, "anchor")
    return result


def audit_anchor_keep() -> str:
    """Write the chain head, signed, outside the database (``audit.anchoring``); the daily
    task does this, and ``weerbaar audit anchor --keep``."""
    return anchoring.write(*audit_anchor())


def audit_verify_kept() -> tuple[VerifyResult, int, int]:
    """Verify against every kept anchor: the result, how many anchors were checked and how
    many lines carry a signature that does not hold (written without the key)."""
    kept = anchoring.kept()
    signed = [(a.number, a.hash) for a in kept if a.signed and a.number]
    return audit_verify(anchors=signed), len(signed), sum(a.forged for a in kept)


def _prune_recorded(through: int) -> bool:
    """Whether the chain itself says the records up to ``through`` were let go: tombstones a
    database administrator wrote without a prune record in the chain are a break."""
    last = (
        AuditRecord.objects.filter(action=AuditAction.AUDIT_PRUNED)
        .order_by("-id")
        .values_list("changes", flat=True)
        .first()
    )
    return bool(last) and last.get("extra", {}).get("through") == through


@transaction.atomic
def audit_prune(*, before) -> int:
    """Let go of the oldest records, made before the moment ``before`` (at most ``BATCH``):
    each leaves a tombstone with its place and hashes, and a record of the pruning joins the
    chain, so verify still walks it whole and an old anchor still checks. Returns how many."""
    newer = AuditRecord.objects.filter(created_at__gte=before).order_by("id")
    boundary = newer.values_list("id", flat=True).first()
    older = (
        AuditRecord.objects.all()
        if boundary is None
        else AuditRecord.objects.filter(pk__lt=boundary)
    )
    rows = list(older.order_by("id").values_list("id", "prev_hash", "hash")[:PRUNE_BATCH])
    if not rows:
        return 0
    AuditTombstone.objects.bulk_create(
        AuditTombstone(record_id=pk, prev_hash=prev, hash=digest) for pk, prev, digest in rows
    )
    AuditRecord.objects.filter(pk__lte=rows[-1][0]).delete()
    audit_record(
        actor=None,
        action=AuditAction.AUDIT_PRUNED,
        extra={"through": rows[-1][0], "hash": rows[-1][2], "count": len(rows)},
    )
    return len(rows)


def legacy_until() -> int:
    """The last record hashed in form 1: the one before the first re-anchoring record."""
    marker = (
        AuditRecord.objects.filter(action=AuditAction.CHAIN_REANCHORED)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )
    return marker - 1 if marker else 0


def _verify_chain(chunk_size: int) -> VerifyResult:
    tombstones = AuditTombstone.objects.order_by("record_id").iterator(chunk_size=chunk_size)
    start = chain.walk_tombstones(tombstones)
    if start.broken_id is None and start.checked and not _prune_recorded(start.next_id - 1):
        start = chain.Walk(start.checked, start.next_id - 1, "pruned")
    if start.broken_id is not None:
        return VerifyResult(start.checked, start.broken_id, start.reason)
    records = AuditRecord.objects.order_by("id").iterator(chunk_size=chunk_size)
    state = chain.walk(records, legacy_until=legacy_until(), start=start)
    if state.broken_id is not None:
        return VerifyResult(state.checked, state.broken_id, state.reason)
    head = AuditChainHead.objects.filter(pk=1).first()
    if head and (head.last_id != state.next_id - 1 or head.last_hash != state.last_hash):
        return VerifyResult(state.checked, state.next_id, "truncated")
    return VerifyResult(state.checked)


@transaction.atomic
def export_request_make(
    *,
    actor: AbstractBaseUser,
    request,
    list_name: str,
    title,
    fmt: str,
    purpose: str,
    filters,
    rows: int,
) -> ExportRequest:
    """Ask a second person for a bulk export; the same open question is not asked twice."""
    same = ExportRequest.objects.filter(
        requested_by=actor,
        path=request.path,
        filters=list(map(list, filters)),
        fmt=fmt,
        status__in=[ExportRequest.Status.PENDING, ExportRequest.Status.APPROVED],
    ).first()
    if same:
        return same
    made = ExportRequest.objects.create(
        requested_by=actor,
        list_name=list_name,
        title=str(title)[:120],
        path=request.path[:255],
        filters=list(map(list, filters)),
        fmt=fmt,
        purpose=purpose[:200],
        rows=rows,
    )
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT_REQUESTED,
        obj=made,
        request=request,
        purpose=purpose,
        extra={"list": list_name, "rows": rows, "format": fmt},
    )
    return made


@transaction.atomic
def export_request_decide(
    *, actor: AbstractBaseUser, export: ExportRequest, approve: bool
) -> ExportRequest:
    """A second person approves or refuses: never the one who asked."""
    export = ExportRequest.objects.select_for_update().get(pk=export.pk)
    if export.status != ExportRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    if export.requested_by_id == actor.pk:
        raise ValidationError(_("A second person decides on your own export."))
    export.status = ExportRequest.Status.APPROVED if approve else ExportRequest.Status.REFUSED
    export.decided_by, export.decided_at = actor, timezone.now()
    export.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT_APPROVED if approve else AuditAction.EXPORT_REFUSED,
        obj=export,
        extra={"list": export.list_name, "rows": export.rows, "asked_by": export.requested_by_id},
    )
    return export


@transaction.atomic
def export_request_use(*, export: ExportRequest) -> ExportRequest:
    """The approved export is made once; a second download asks again. Part of the
    ``export.made`` record of the download itself."""
    export = ExportRequest.objects.select_for_update().get(pk=export.pk)
    if export.status != ExportRequest.Status.APPROVED:
        raise ValidationError(_("This export has been downloaded already; ask again."))
    export.status, export.used_at = ExportRequest.Status.USED, timezone.now()
    export.save(update_fields=["status", "used_at"])
    return export
