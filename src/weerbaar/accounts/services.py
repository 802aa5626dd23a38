"""Public API of the accounts app for writes: users, roles, teams, shares, login events."""

import time

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from weerbaar.accounts.constants import Role
from weerbaar.accounts.models import Notification, Share, Team, TeamMembership, User
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.services import audit_record


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    password: str | None,
    roles: list[str],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    organisation: str = "",
) -> User:
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


@transaction.atomic
def user_set_roles(*, actor, user: User, roles: list[str]) -> User:
    old = sorted(user.role_names())
    user.groups.set(_groups(roles))
    user.is_staff = Role.BEHEERDER in roles
    user.save(update_fields=["is_staff"])
    audit_record(
        actor=actor,
        action=AuditAction.ROLES_CHANGED,
        obj=user,
        old={"roles": old},
        new={"roles": sorted(roles)},
    )
    return user


@transaction.atomic
def team_create(*, actor, name: str, description: str = "", is_external: bool = False) -> Team:
    team = Team(name=name, description=description, is_external=is_external)
    team.full_clean()
    team.save()
    audit_record(actor=actor, action=AuditAction.TEAM_CREATED, obj=team, new={"name": name})
    return team


@transaction.atomic
def team_add_member(*, actor, team: Team, user: User) -> TeamMembership:
    membership, _created = TeamMembership.objects.get_or_create(team=team, user=user)
    audit_record(
        actor=actor, action=AuditAction.TEAM_MEMBER_ADDED, obj=team, new={"user": str(user.uuid)}
    )
    return membership


@transaction.atomic
def share_grant(
    *,
    actor,
    obj,
    purpose: str,
    user: User | None = None,
    team: Team | None = None,
    legal_basis: str = "",
    expires_at=None,
) -> Share:
    share = Share(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_uuid=obj.uuid,
        user=user,
        team=team,
        purpose=purpose,
        legal_basis=legal_basis,
        granted_by=actor,
        expires_at=expires_at,
    )
    share.full_clean()
    share.save()
    audit_record(
        actor=actor,
        action=AuditAction.SHARE_GRANTED,
        obj=obj,
        purpose=purpose,
        new={"user": str(user.uuid) if user else "", "team": str(team.uuid) if team else ""},
    )
    return share


@transaction.atomic
def token_renew(*, actor: User) -> str:
    """Replace the user's API token; the key is shown once."""
    Token.objects.filter(user=actor).delete()
    token = Token.objects.create(user=actor)
    audit_record(actor=actor, action=AuditAction.TOKEN_CREATED, obj=actor)
    return token.key


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


def password_changed(*, request, user: User) -> None:
    audit_record(actor=user, action=AuditAction.PASSWORD_CHANGED, obj=user, request=request)


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


def notify(*, users, text: str, url: str = "") -> int:
    """Put a message in the in-app inbox of each user (deduplicated); returns how many."""
    unique = {u.pk: u for u in users if u is not None and u.is_active}
    Notification.objects.bulk_create(
        [Notification(user=u, text=text[:300], url=url[:300]) for u in unique.values()]
    )
    return len(unique)


def notifications_mark_read(*, user: User) -> None:
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
