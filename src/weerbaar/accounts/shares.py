"""Explicit shares: an object made visible to one user or one team outside the role and
team rules, with its purpose (and legal basis for a partner), and its end."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.constants import Role
from weerbaar.accounts.models import Share, Team, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record


def _is_partner(user: User | None, team: Team | None) -> bool:
    """A recipient outside the municipality: an external team, or a partner's account."""
    if team is not None:
        return team.is_external
    return user is not None and (
        user.groups.filter(name=Role.KETENPARTNER).exists()
        or user.teams.filter(is_external=True).exists()
    )


@transaction.atomic
def share_grant(
    *,
    actor: User,
    obj,
    purpose: str,
    user: User | None = None,
    team: Team | None = None,
    legal_basis: str = "",
    expires_at=None,
    emergency: bool = False,
    weighing: dict | None = None,
) -> Share:
    if _is_partner(user, team) and not legal_basis.strip():
        raise ValidationError(
            {"legal_basis": _("A share with a partner names its legal basis, e.g. the covenant.")}
        )
    share = Share(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_uuid=obj.uuid,
        user=user,
        team=team,
        purpose=purpose,
        legal_basis=legal_basis,
        granted_by=actor,
        expires_at=expires_at,
        emergency=emergency,
    )
    share.full_clean()
    share.save()
    audit_record(
        actor=actor,
        action=AuditAction.SHARE_GRANTED,
        obj=obj,
        purpose=purpose,
        new={
            "user": str(user.uuid) if user else "",
            "team": str(team.uuid) if team else "",
            "legal_basis": legal_basis.strip(),
            **(weighing or {}),
        },
    )
    return share


def share_end(*, actor: User, share: Share, obj=None) -> Share:
    """End a share now (its holder is done with it); a share that has ended stays ended.
    ``obj``, the shared object, puts the row in that object's trail."""
    now = timezone.now()
    if share.expires_at is not None and share.expires_at <= now:
        return share
    share.expires_at = now
    share.save(update_fields=["expires_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.SHARE_ENDED,
        obj=obj,
        extra={"share": str(share.uuid), "object": str(share.object_uuid)},
    )
    return share
