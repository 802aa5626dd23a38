"""The privacy app's reads: its public API. The retention page (terms, holds, register),
only for the FG and the beheerder."""

from django.db.models import QuerySet

from weerbaar.accounts.access import is_active_user
from weerbaar.accounts.lookup import refuse, visible_get
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core import retention
from weerbaar.privacy.constants import HOLD_PERMISSION, VIEW_PERMISSION
from weerbaar.privacy.models import Deletion, LegalHold
from weerbaar.signals.models import RetentionRule


def may_view(user) -> bool:
    return is_active_user(user) and user.has_perm(VIEW_PERMISSION)


def may_hold(user) -> bool:
    return is_active_user(user) and user.has_perm(HOLD_PERMISSION)


def retention_overview(*, user, request=None) -> dict:
    """The terms in force per kind, the holds and the register (querysets to page through);
    refused like a missing page to anyone else."""
    if not may_view(user):
        refuse(user=user, label="retention", request=request)
    rows = {r.code: r for r in RetentionRule.objects.all()}
    terms = [_term(kind, rows) for kind in retention.kinds()]
    audit_record(actor=user, action=AuditAction.RETENTION_VIEWED, request=request)
    # The holds and their reasons are the FG's; the beheerder keeps the terms.
    holds = LegalHold.objects.filter(lifted_at__isnull=True) if may_hold(user) else None
    return {
        "terms": terms,
        "holds": holds.select_related("case", "signal", "placed_by") if holds is not None else None,
        "register": Deletion.objects.select_related("run", "run__started_by"),
    }


def _term(kind, rows) -> dict:
    rule = rows.get(kind.code)
    days = None if kind.default_days is None else (rule.days if rule else kind.default_days)
    # Shown beside the days: 1825 days is about five years (the job counts days).
    years = days // 365 if days and days >= 730 and days % 365 == 0 else None
    return {"kind": kind, "rule": rule, "days": days, "years": years}


def hold_get(*, user, hold_id, request=None) -> LegalHold:
    """One active hold, for the FG who lifts it."""
    queryset: QuerySet = LegalHold.objects.filter(lifted_at__isnull=True)
    return visible_get(
        queryset,
        user=user,
        object_id=hold_id,
        action=None,
        request=request,
        allowed=may_hold(user),
    )
