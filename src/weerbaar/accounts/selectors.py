"""Public API of the accounts app for reads."""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from weerbaar.accounts.constants import Role
from weerbaar.accounts.models import ApiToken, CalendarToken, Notification, Team, User


def user_roles(*, user: User) -> list[Role]:
    names = user.role_names() if user.is_authenticated else set()
    return [role for role in Role if role.value in names]


def team_list(*, user: User):
    """The user's own teams."""
    return Team.objects.filter(memberships__user=user).order_by("name")


def inbox(*, user: User):
    """The user's in-app messages: the unread ones first, each group latest first."""
    unread_first = Case(
        When(read_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return Notification.objects.filter(user=user).order_by(unread_first, "-last_at", "-id")


def unread_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def token_list(*, user: User):
    """The user's own API keys that still work (never the key itself: it is not stored)."""
    return ApiToken.objects.filter(
        user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )


def calendar_token_live(*, user: User) -> CalendarToken | None:
    """The user's calendar link that still works (its prefix and dates, never the key)."""
    if not user.is_authenticated:
        return None
    return CalendarToken.objects.filter(user=user, revoked_at__isnull=True).first()


def users_with_permission(perm: str):
    """Active users whose role (or own rights) grant ``perm``, superusers included."""
    backend = "django.contrib.auth.backends.ModelBackend"  # the one that holds permissions
    return User.objects.with_perm(perm, is_active=True, backend=backend).order_by("id")
