"""Public API of the audit app for reads. Only the privacy officer reads the trail."""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone

from weerbaar.audit.constants import APPROVE_EXPORT_PERMISSION, VIEW_PERMISSION
from weerbaar.audit.models import AuditRecord, ExportRequest


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_record_list(
    *,
    user,
    actor_username: str = "",
    subject_ref: str = "",
    action: str = "",
    date_from: date | None = None,
    date_until: date | None = None,
) -> QuerySet[AuditRecord]:
    """Records matching the filters, newest first; PermissionDenied for anyone but the FG."""
    if not (user and user.is_active and user.has_perm(VIEW_PERMISSION)):
        raise PermissionDenied
    records = AuditRecord.objects.all()
    if actor_username:
        records = records.filter(actor_username__iexact=actor_username.strip())
    if subject_ref:
        ref = str(subject_ref).strip()
        records = records.filter(subject_ref=ref) | records.filter(object_id=ref)
    if action:
        records = records.filter(action=action)
    if date_from:
        records = records.filter(created_at__gte=_start(date_from))
    if date_until:
        records = records.filter(created_at__lt=_start(date_until) + timedelta(days=1))
    return records.order_by("-id")


def may_approve_exports(user) -> bool:
    return bool(user and user.is_active and user.has_perm(APPROVE_EXPORT_PERMISSION))


def exports_to_decide(*, user) -> QuerySet[ExportRequest]:
    """Bulk exports of others waiting for a second person like ``user``."""
    if not may_approve_exports(user):
        return ExportRequest.objects.none()
    return (
        ExportRequest.objects.filter(status=ExportRequest.Status.PENDING)
        .exclude(requested_by=user)
        .select_related("requested_by")
        .order_by("created_at", "id")
    )


def my_exports(*, user) -> QuerySet[ExportRequest]:
    if not (user and user.is_active):
        return ExportRequest.objects.none()
    return ExportRequest.objects.filter(requested_by=user).select_related("decided_by")[:50]


def export_to_decide(*, user, export_id) -> ExportRequest | None:
    """One request ``user`` may decide on, or None (the view answers 404 and records it)."""
    ident = str(export_id)
    return next((e for e in exports_to_decide(user=user) if str(e.uuid) == ident), None)


def approved_export(*, user, request, fmt: str, filters) -> ExportRequest | None:
    """The approved request this download redeems: the asker's own, for this very list,
    filters and format (``?verzoek=`` carries its id)."""
    ident = request.GET.get("verzoek", "")
    found = ExportRequest.objects.filter(
        requested_by=user, status=ExportRequest.Status.APPROVED, path=request.path, fmt=fmt
    )
    wanted = list(map(list, filters))
    return next((e for e in found if str(e.uuid) == ident and e.filters == wanted), None)
