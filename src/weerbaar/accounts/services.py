"""Public API of the accounts app for writes: users, roles, teams, shares, login events.

API keys are written in ``accounts.api_keys``, the inbox in ``accounts.notifications`` and the
calendar link in ``accounts.calendar_tokens``; their public functions are re-exported here.
"""

import time

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.access import is_active_user
from weerbaar.accounts.api_keys import end_tokens, token_issue, tokens_revoke  # noqa: F401
from weerbaar.accounts.calendar_tokens import (  # noqa: F401
    calendar_fetched,
    calendar_token_issue,
    calendar_token_revoke,
    calendar_token_user,
)
from weerbaar.accounts.constants import FOUR_EYES_ROLES, GrantStatus, Role, TokenEnd
from weerbaar.accounts.models import (
    RoleGrantRequest,
    Team,
    TeamMembership,
    User,
)
from weerbaar.accounts.notifications import (  # noqa: F401
    notification_email_set,
    notification_mark_read,
    notifications_mark_read,
    notify,
)
from weerbaar.accounts.people import team_remove_member, user_set_teams, user_update  # noqa: F401
from weerbaar.accounts.reauth import reauthenticate  # noqa: F401
from weerbaar.accounts.shares import share_end, share_grant  # noqa: F401
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.services import audit_record


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str | None,
    roles: list[str],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    organisation: str = "",
) -> User:
    """A new account. Privileged roles come only through the four-eyes request, unless the
    installation itself (``actor=None``: demo, commands) creates the account."""
    if actor is not None and set(roles) & FOUR_EYES_ROLES:
        raise ValidationError(_("This role needs the approval of a second person; request it."))
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisation=organisation,
        is_staff=Role.BEHEERDER in roles,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.set(_groups(roles))
    audit_record(actor=actor, action=AuditAction.USER_CREATED, obj=user, new={"roles": roles})
    return user


def _groups(roles: list[str]) -> list[Group]:
    valid = {r.value for r in Role}
    unknown = set(roles) - valid
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    return [Group.objects.get_or_create(name=r)[0] for r in roles]


def _not_oneself(actor: User | None, user: User) -> None:
    if actor is not None and actor.pk == user.pk:
        raise ValidationError(_("Nobody changes their own roles or rights; ask a colleague."))


def _apply_roles(user: User, roles) -> int:
    """Give ``user`` exactly ``roles``; a change ends their API keys. Returns how many."""
    changed = set(roles) != user.role_names()
    user.groups.set(_groups(list(roles)))
    user.is_staff = Role.BEHEERDER in roles or user.is_superuser
    user.save(update_fields=["is_staff"])
    return end_tokens(user=user, reason=TokenEnd.ROLES_CHANGED) if changed else 0


@transaction.atomic
def user_set_roles(*, actor: User | None, user: User, roles: list[str]) -> User:
    """Set the user's roles. A privileged role (FOUR_EYES_ROLES) is only taken away here: it
    is given through ``role_grant_request`` and a second person's approval. Nobody changes
    their own roles. ``actor=None`` is the installation itself (demo, commands)."""
    _not_oneself(actor, user)
    old = sorted(user.role_names())
    if actor is not None and (set(roles) - set(old)) & FOUR_EYES_ROLES:
        raise ValidationError(_("This role needs the approval of a second person; request it."))
    revoked = _apply_roles(user, roles)
    audit_record(
        actor=actor,
        action=AuditAction.ROLES_CHANGED,
        obj=user,
        old={"roles": old},
        new={"roles": sorted(roles), "tokens_revoked": revoked},
    )
    return user


@transaction.atomic
def user_set_active(*, actor: User, user: User, active: bool) -> User:
    """(De)activate an account; deactivating ends its API keys (SECURITY.md P24)."""
    old = user.is_active
    user.is_active = active
    user.save(update_fields=["is_active"])
    revoked = 0 if active else end_tokens(user=user, reason=TokenEnd.DEACTIVATED)
    audit_record(
        actor=actor,
        action=AuditAction.ACTIVE_CHANGED,
        obj=user,
        old={"active": old},
        new={"active": active, "tokens_revoked": revoked},
    )
    return user


@transaction.atomic
def user_set_superuser(*, actor: User | None, user: User, value: bool) -> User:
    """Only a superuser makes or unmakes a superuser, and never himself."""
    _not_oneself(actor, user)
    if actor is not None and not actor.is_superuser:
        raise ValidationError(_("Only a superuser can change who is a superuser."))
    old = user.is_superuser
    user.is_superuser = value
    user.is_staff = value or Role.BEHEERDER in user.role_names()
    user.save(update_fields=["is_superuser", "is_staff"])
    revoked = end_tokens(user=user, reason=TokenEnd.ROLES_CHANGED) if old != value else 0
    audit_record(
        actor=actor,
        action=AuditAction.SUPERUSER_CHANGED,
        obj=user,
        old={"is_superuser": old},
        new={"is_superuser": value, "tokens_revoked": revoked},
    )
    return user


def may_handle_roles(user) -> bool:
    """Who may ask for and decide on privileged roles: an active beheerder or superuser."""
    if not is_active_user(user):
        return False
    return user.is_superuser or Role.BEHEERDER in user.role_names()


@transaction.atomic
def role_grant_request(*, actor: User, user: User, role: str) -> RoleGrantRequest:
    """Ask for a privileged role for ``user``; nothing changes until someone else approves."""
    _not_oneself(actor, user)
    role = Role(role)
    if not may_handle_roles(actor):
        raise ValidationError(_("Only a beheerder can request a role."))
    if role not in FOUR_EYES_ROLES:
        raise ValidationError(_("This role needs no approval; give it directly."))
    if role in user.role_names():
        raise ValidationError(_("This user already has this role."))
    pending = RoleGrantRequest.objects.filter(user=user, role=role, status=GrantStatus.PENDING)
    if pending.exists():
        raise ValidationError(_("A request for this role is already waiting for approval."))
    grant = RoleGrantRequest(user=user, role=role, requested_by=actor)
    grant.full_clean()
    grant.save()
    audit_record(
        actor=actor,
        action=AuditAction.ROLE_GRANT_REQUESTED,
        obj=user,
        new={"role": role.value, "request": str(grant.uuid)},
    )
    return grant


def _grant_to_decide(*, actor: User, grant: RoleGrantRequest) -> RoleGrantRequest:
    grant = RoleGrantRequest.objects.select_for_update().get(pk=grant.pk)
    if grant.status != GrantStatus.PENDING:
        raise ValidationError(_("This request has already been decided."))
    if not may_handle_roles(actor):
        raise ValidationError(_("Only a beheerder or superuser can decide on a role request."))
    if actor.pk in (grant.requested_by_id, grant.user_id):
        raise ValidationError(
            _("A second person must decide: not the one who asked, nor the user concerned.")
        )
    return grant


def _decide(grant: RoleGrantRequest, *, actor: User, status: GrantStatus) -> None:
    grant.status, grant.decided_by, grant.decided_at = status, actor, timezone.now()
    grant.full_clean()
    grant.save(update_fields=["status", "decided_by", "decided_at"])


@transaction.atomic
def role_grant_approve(*, actor: User, grant: RoleGrantRequest) -> RoleGrantRequest:
    """A second person approves: only now does the user get the role."""
    grant = _grant_to_decide(actor=actor, grant=grant)
    old = sorted(grant.user.role_names())
    new = sorted({*old, grant.role})
    revoked = _apply_roles(grant.user, new)
    _decide(grant, actor=actor, status=GrantStatus.APPROVED)
    audit_record(
        actor=actor,
        action=AuditAction.ROLE_GRANT_APPROVED,
        obj=grant.user,
        old={"roles": old},
        new={"roles": new, "request": str(grant.uuid), "tokens_revoked": revoked},
    )
    return grant


@transaction.atomic
def role_grant_refuse(*, actor: User, grant: RoleGrantRequest) -> RoleGrantRequest:
    grant = _grant_to_decide(actor=actor, grant=grant)
    _decide(grant, actor=actor, status=GrantStatus.REFUSED)
    audit_record(
        actor=actor,
        action=AuditAction.ROLE_GRANT_REFUSED,
        obj=grant.user,
        new={"role": grant.role, "request": str(grant.uuid)},
    )
    return grant


@transaction.atomic
def team_create(
    *, actor: User | None, name: str, description: str = "", is_external: bool = False
) -> Team:
    team = Team(name=name, description=description, is_external=is_external)
    team.full_clean()
    team.save()
    audit_record(actor=actor, action=AuditAction.TEAM_CREATED, obj=team, new={"name": name})
    return team


@transaction.atomic
def team_add_member(*, actor: User | None, team: Team, user: User) -> TeamMembership:
    membership, _created = TeamMembership.objects.get_or_create(team=team, user=user)
    audit_record(
        actor=actor, action=AuditAction.TEAM_MEMBER_ADDED, obj=team, new={"user": str(user.uuid)}
    )
    return membership


def login_succeeded(*, request, user: User) -> None:
    request.session["auth_started"] = int(time.time())
    audit_record(actor=user, action=AuditAction.LOGIN, obj=user, request=request)


def login_failed(*, request, username: str) -> None:
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        request=request,
        result=AuditResult.DENIED,
        extra={"username": username[:150]},
    )


def logged_out(*, request, user: User) -> None:
    audit_record(actor=user, action=AuditAction.LOGOUT, obj=user, request=request)


@transaction.atomic
def password_changed(*, request, user: User, actor: User | None = None) -> None:
    """After a password change (by the user, or by ``actor`` in the admin): the API keys
    issued under the old password end with it."""
    revoked = end_tokens(user=user, reason=TokenEnd.PASSWORD_CHANGED)
    audit_record(
        actor=actor or user,
        action=AuditAction.PASSWORD_CHANGED,
        obj=user,
        request=request,
        new={"tokens_revoked": revoked},
    )


def otp_event(*, request, user: User, action: AuditAction, ok: bool = True) -> None:
    audit_record(
        actor=user,
        action=action,
        obj=user,
        request=request,
        result=AuditResult.ALLOWED if ok else AuditResult.DENIED,
    )


def otp_device_pending(*, user: User) -> TOTPDevice:
    """The user's unconfirmed TOTP device, created on first use of the enrolment page."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    return device


@transaction.atomic
def otp_device_confirm(*, request, user: User, device: TOTPDevice, token: str) -> bool:
    """Confirm the pending device with a first code; True when the code was right."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    otp_event(request=request, user=user, action=AuditAction.OTP_ENROLLED)
    return True


def otp_verify(*, request, user: User, token: str) -> bool:
    """Check a code against the user's confirmed devices; audited either way."""
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            otp_event(request=request, user=user, action=AuditAction.OTP_VERIFIED)
            return True
    otp_event(request=request, user=user, action=AuditAction.OTP_FAILED, ok=False)
    return False
