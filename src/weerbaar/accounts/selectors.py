"""Public API of the accounts app for reads."""

from django.utils import timezone

from weerbaar.accounts.constants import Role
from weerbaar.accounts.models import ApiToken, Notification, Team, User


def user_roles(*, user: User) -> list[Role]:
    names = user.role_names() if user.is_authenticated else set()
    return [role for role in Role if role.value in names]


def team_list(*, user: User):
    """The user's own teams."""
    return Team.objects.filter(memberships__user=user).order_by("name")


def inbox(*, user: User):
    """The user's in-app messages, newest first."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")


def unread_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def token_list(*, user: User):
    """The user's own API keys that still work (never the key itself: it is not stored)."""
    return ApiToken.objects.filter(
        user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )
