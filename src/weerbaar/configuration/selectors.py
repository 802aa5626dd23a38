"""Public API of the configuration app for reads: a section opens only for a role with its
change permission. Its rows are policy data keyed by number within their section, not
entities a user opens one by one; a refusal still goes through ``visible_get`` (one
``access.denied`` row and the same 404), a read leaves no row of its own."""

from django.db.models import Q, QuerySet

from weerbaar.accounts.access import is_active_user
from weerbaar.accounts.constants import GrantStatus
from weerbaar.accounts.lookup import parse_id, refuse, visible_get
from weerbaar.accounts.models import RoleGrantRequest, User
from weerbaar.accounts.services import may_handle_roles
from weerbaar.configuration.sections import SECTIONS, Section
from weerbaar.warehouse.constants import RULE_SETTING_PERMISSION
from weerbaar.warehouse.models import RuleSetting
from weerbaar.warehouse.rules import all_rules


def may_use(user, section: Section) -> bool:
    return is_active_user(user) and user.has_perm(section.permission)


def sections_for(user) -> list[Section]:
    return [s for s in SECTIONS.values() if may_use(user, s)]


def may_configure(user) -> bool:
    return bool(sections_for(user)) or may_set_thresholds(user) or may_manage_users(user)


def section_open(*, user, slug: str, request=None) -> Section:
    section = SECTIONS.get(slug)
    if section is None or not may_use(user, section):
        refuse(user=user, label=f"configuration.{slug}"[:64], request=request)
    return section


def section_rows(*, user, section: Section, q: str = "", sort: str = "") -> QuerySet:
    if not may_use(user, section):
        return section.model.objects.none()
    rows = section.model.objects.all()
    if q and section.search:
        match = Q()
        for name in section.search:
            match |= Q(**{f"{name}__icontains": q.strip()})
        rows = rows.filter(match)
    if sort.lstrip("-") in section.columns:
        return rows.order_by(sort, "pk")
    return rows.order_by(*(section.model._meta.ordering or ["pk"]), "pk")


def section_row(*, user, section: Section, row_id, request=None):
    return visible_get(
        section.model.objects.all(),
        user=user,
        object_id=row_id,
        action=None,
        request=request,
        allowed=may_use(user, section),
        field="pk",
        parse=parse_id,
    )


def may_set_thresholds(user) -> bool:
    return is_active_user(user) and user.has_perm(RULE_SETTING_PERMISSION)


def thresholds(*, user) -> list[dict]:
    """Every rule of the warehouse with its standard thresholds and the municipality's own."""
    if not may_set_thresholds(user):
        return []
    own = {s.rule: s.params for s in RuleSetting.objects.all()}
    return [
        {
            "rule": rule,
            "own": own.get(rule.code, {}),
            "current": {**rule.params, **own.get(rule.code, {})},
        }
        for rule in all_rules()
    ]


def rule_open(*, user, code: str, request=None):
    rule = next((r for r in all_rules() if r.code == code), None)
    if rule is None or not may_set_thresholds(user):
        refuse(user=user, label="warehouse.rule", object_id=code, request=request)
    return rule


def may_manage_users(user) -> bool:
    return may_handle_roles(user)


def users_list(*, user, q: str = "", role: str = "", active: str = "") -> QuerySet[User]:
    if not may_manage_users(user):
        return User.objects.none()
    rows = User.objects.prefetch_related("groups", "teams")
    if q:
        words = q.strip()
        rows = rows.filter(
            Q(username__icontains=words)
            | Q(first_name__icontains=words)
            | Q(last_name__icontains=words)
            | Q(organisation__icontains=words)
        )
    if role:
        rows = rows.filter(groups__name=role)
    if active in ("0", "1"):
        rows = rows.filter(is_active=active == "1")
    return rows.order_by("last_name", "first_name", "username").distinct()


def account_get(*, user, account_id, request=None) -> User:
    return visible_get(
        User.objects.all(),
        user=user,
        object_id=account_id,
        action=None,
        request=request,
        allowed=may_manage_users(user),
    )


def grants_pending(*, user) -> QuerySet[RoleGrantRequest]:
    if not may_manage_users(user):
        return RoleGrantRequest.objects.none()
    return (
        RoleGrantRequest.objects.filter(status=GrantStatus.PENDING)
        .select_related("user", "requested_by")
        .order_by("created_at")
    )


def grant_get(*, user, grant_id, request=None) -> RoleGrantRequest:
    return visible_get(
        grants_pending(user=user), user=user, object_id=grant_id, action=None, request=request
    )
