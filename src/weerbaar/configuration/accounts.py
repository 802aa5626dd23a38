"""Making and changing accounts on the users page: one transaction over the accounts app's
own services, so roles keep their four-eyes rule and every step its audit row."""

from django.db import transaction

from weerbaar.accounts import services as accounts
from weerbaar.accounts.constants import FOUR_EYES_ROLES, GrantStatus
from weerbaar.accounts.models import User


def _split(roles) -> tuple[list[str], list[str]]:
    return [r for r in roles if r not in FOUR_EYES_ROLES], [
        r for r in roles if r in FOUR_EYES_ROLES
    ]


@transaction.atomic
def account_create(*, actor: User, data: dict) -> tuple[User, list[str]]:
    """A new account with its direct roles and teams; privileged roles become requests for a
    second person. Returns the account and the roles that now wait for approval."""
    direct, privileged = _split(data["roles"])
    user = accounts.user_create(
        actor=actor,
        username=data["username"],
        password=data.get("password") or None,
        roles=direct,
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data.get("email", ""),
        organisation=data.get("organisation", ""),
    )
    accounts.user_set_teams(actor=actor, user=user, teams=data["teams"])
    for role in privileged:
        accounts.role_grant_request(actor=actor, user=user, role=role)
    return user, privileged


@transaction.atomic
def account_update(*, actor: User, user: User, data: dict) -> list[str]:
    """Details, roles and teams. A privileged role is taken away at once but given only
    through a request; returns the roles that now wait for approval."""
    accounts.user_update(
        actor=actor,
        user=user,
        **{k: data.get(k, "") for k in ("first_name", "last_name", "email", "organisation")},
    )
    current = user.role_names()
    wanted = set(data["roles"])
    if wanted != current:
        keep_or_drop = sorted((wanted - FOUR_EYES_ROLES) | (current & wanted))
        if set(keep_or_drop) != current:
            accounts.user_set_roles(actor=actor, user=user, roles=keep_or_drop)
    asked = sorted((wanted - current) & FOUR_EYES_ROLES)
    pending = user.role_requests.filter(status=GrantStatus.PENDING)
    waiting = set(pending.values_list("role", flat=True))
    for role in asked:
        if role not in waiting:
            accounts.role_grant_request(actor=actor, user=user, role=role)
    accounts.user_set_teams(actor=actor, user=user, teams=data["teams"])
    return asked
