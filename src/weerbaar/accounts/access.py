"""Need-to-know, decided in one place.

``visible_q`` opens an object to a user through three doors, each a small named condition:
- role: the user's role carries the permission to see every object of this kind;
- team: the object belongs to a team the user is a member of;
- share: the object was shared explicitly with the user or with one of their teams, and the
  share has not expired.
No user, an anonymous user or a deactivated user sees nothing. Every selector builds its
queryset with ``visible_q`` so no view can forget a rule; each condition costs the same
number of queries whatever the number of teams (subqueries, not lists). An app adds doors
of its own in its selectors (cases: a case type the user's role sees, membership of the case
team) and narrows them there (a partner reads only the heading of a case, a reviewer needs
the warehouse permission), passing the latter to ``accounts.lookup.visible_get`` as
``allowed``; that helper fetches one object, audits the read or the refusal and answers a
hidden object like a missing one.
``may_see_any`` asks the same doors whether anything at all is visible (for menus);
``can_use`` whether a screen is open to the user.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from django.utils import timezone

from weerbaar.accounts.models import Share, Team

NOTHING = Q(pk__in=[])


def is_active_user(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def by_role(user, see_all_perm: str | None) -> Q | None:
    """Everything, when the user's role grants ``see_all_perm``."""
    if see_all_perm and user.has_perm(see_all_perm):
        return Q()
    return None


def by_team(user, team_field: str | None) -> Q:
    """Objects owned by one of the user's teams."""
    if not team_field:
        return NOTHING
    return Q(**{f"{team_field}__in": Team.objects.filter(memberships__user=user).values("pk")})


def by_share(user, model: type[Model], *, emergency: bool = True) -> Q:
    """Objects shared with the user, or with a team of the user, that have not expired;
    ``emergency`` False leaves out the records the user opened with a reason."""
    shares = (
        Share.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            **({} if emergency else {"emergency": False}),
        )
        .filter(Q(user=user) | Q(team__in=Team.objects.filter(memberships__user=user).values("pk")))
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
    )
    return Q(uuid__in=shares.values("object_uuid"))


def visible_q(
    user,
    *,
    model: type[Model],
    see_all_perm: str | None,
    team_field: str | None,
    emergency: bool = True,
) -> Q:
    """The condition selecting the objects of ``model`` that ``user`` may see (``emergency``
    False: not counting what the user opened with a reason)."""
    if not is_active_user(user):
        return NOTHING
    everything = by_role(user, see_all_perm)
    if everything is not None:
        return everything
    return by_team(user, team_field) | by_share(user, model, emergency=emergency)


def can_use(user, *perms: str) -> bool:
    """True when the user may use a screen: any of ``perms``, or any share at all."""
    if not is_active_user(user):
        return False
    return any(user.has_perm(p) for p in perms)


def may_see_any(
    user, *, model: type[Model], see_all_perm: str | None, team_field: str | None
) -> bool:
    """Whether ``visible_q`` would select anything, as separate indexed EXISTS queries: an OR
    of the doors makes the database scan the whole table (the menu asks on every page)."""
    if not is_active_user(user):
        return False
    if see_all_perm and user.has_perm(see_all_perm):
        return True
    objects = model._default_manager
    if team_field and objects.filter(by_team(user, team_field)).exists():
        return True
    return objects.filter(by_share(user, model)).exists()
