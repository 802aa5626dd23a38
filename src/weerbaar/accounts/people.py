"""Changing an account's details and team memberships (re-exported by ``accounts.services``)."""

from django.db import transaction

from weerbaar.accounts.models import Team, TeamMembership, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record

DETAILS = ("first_name", "last_name", "email", "organisation")


@transaction.atomic
def user_update(*, actor: User, user: User, **details) -> User:
    """Names, e-mail address and organisation; audited with what they were."""
    user = User.objects.select_for_update().get(pk=user.pk)
    old = {name: getattr(user, name) for name in DETAILS}
    for name in DETAILS:
        if name in details:
            setattr(user, name, (details[name] or "").strip())
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(DETAILS))
    new = {name: getattr(user, name) for name in DETAILS}
    if new != old:
        audit_record(actor=actor, action=AuditAction.USER_CHANGED, obj=user, old=old, new=new)
    return user


@transaction.atomic
def team_remove_member(*, actor: User, team: Team, user: User) -> None:
    removed, _kinds = TeamMembership.objects.filter(team=team, user=user).delete()
    if removed:
        audit_record(
            actor=actor,
            action=AuditAction.TEAM_MEMBER_REMOVED,
            obj=team,
            old={"user": str(user.uuid)},
        )


@transaction.atomic
def user_set_teams(*, actor: User, user: User, teams) -> None:
    """Make ``teams`` the user's teams: memberships added and removed one by one, audited."""
    from weerbaar.accounts.services import team_add_member  # services re-exports this module

    wanted = {t.pk: t for t in teams}
    current = {t.pk: t for t in user.teams.all()}
    for pk in sorted(set(current) - set(wanted)):
        team_remove_member(actor=actor, team=current[pk], user=user)
    for pk in sorted(set(wanted) - set(current)):
        team_add_member(actor=actor, team=wanted[pk], user=user)
