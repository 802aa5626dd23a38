"""Public API of the audit app for reads. Only the privacy officer reads the trail."""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone

from weerbaar.audit.constants import VIEW_PERMISSION
from weerbaar.audit.models import AuditRecord


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
