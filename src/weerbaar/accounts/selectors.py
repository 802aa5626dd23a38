"""Public API of the accounts app for reads."""

from weerbaar.accounts.constants import Role
from weerbaar.accounts.models import Team, User


def user_roles(*, user: User) -> list[Role]:
    names = user.role_names() if user.is_authenticated else set()
    return [role for role in Role if role.value in names]


def team_list(*, user: User):
    """The user's own teams."""
    return Team.objects.filter(memberships__user=user).order_by("name")
