"""The review of access rights (SECURITY.md P25, BIO 5.18): the list of every active user
with their roles, teams and shares, the privileged roles apart, and its sign-off per period,
kept as it was signed."""

import hashlib
import json
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.constants import FOUR_EYES_ROLES
from weerbaar.accounts.models import Share, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.privacy.constants import REVIEW_PERMISSION
from weerbaar.privacy.models import AccessReview, ReviewScope

PRIVILEGED = sorted(str(role) for role in FOUR_EYES_ROLES)


def period_of(scope: str, day: date) -> str:
    """The period a review covers: the year, or the quarter for the privileged roles."""
    if scope == ReviewScope.PRIVILEGED:
        return f"{day.year}-K{(day.month - 1) // 3 + 1}"
    return str(day.year)


def reviewed_users(scope: str) -> QuerySet[User]:
    """The active users of a review with their roles, teams and live shares."""
    live = Share.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
    users = User.objects.filter(is_active=True)
    if scope == ReviewScope.PRIVILEGED:
        # A superuser holds every right without a role; so do rights given to one account.
        users = users.filter(
            Q(groups__name__in=PRIVILEGED)
            | Q(is_superuser=True)
            | Q(user_permissions__isnull=False)
        ).distinct()
    return users.order_by("username").prefetch_related(
        "groups",
        "teams",
        Prefetch("shares", queryset=live.select_related("content_type"), to_attr="live_shares"),
    )


def row(user: User) -> dict:
    """One user of the list: what the review looks at, in plain values."""
    return {
        "username": user.username,
        "name": user.get_full_name(),
        "organisation": user.organisation,
        "roles": sorted(g.name for g in user.groups.all()),
        "teams": sorted(t.name for t in user.teams.all()),
        "shares": len(user.live_shares),
        "superuser": user.is_superuser,
        "last_login": timezone.localdate(user.last_login).isoformat() if user.last_login else "",
    }


def _hash(rows: list[dict]) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


@transaction.atomic
def access_review_sign(*, actor: User, scope: str, note: str = "") -> AccessReview:
    """Sign off this period's review: the list as it stands now is kept with its hash."""
    if not (actor.is_active and actor.has_perm(REVIEW_PERMISSION)):
        raise PermissionDenied
    if scope not in ReviewScope.values:
        raise ValidationError({"scope": _("Choose the yearly or the quarterly review.")})
    period = period_of(scope, timezone.localdate())
    if AccessReview.objects.filter(scope=scope, period=period).exists():
        raise ValidationError(
            _("This review has been signed off for %(period)s already.") % {"period": period}
        )
    rows = [row(user) for user in reviewed_users(scope)]
    review = AccessReview.objects.create(
        scope=scope,
        period=period,
        signed_by=actor,
        note=note.strip(),
        users=len(rows),
        snapshot=rows,
        snapshot_hash=_hash(rows),
    )
    audit_record(
        actor=actor,
        action=AuditAction.ACCESS_REVIEW_SIGNED,
        obj=review,
        purpose=review.note[:500],
        new={"scope": scope, "period": period, "users": len(rows), "hash": review.snapshot_hash},
    )
    return review
