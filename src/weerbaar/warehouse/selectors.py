"""Public API of the warehouse app for reads. Alerts and imports are for the regisseur and
analysts (``warehouse.view_alert``): an alert about an address is sensitive in itself."""

from uuid import UUID

from django.db.models import Q, QuerySet

from weerbaar.accounts.access import is_active_user
from weerbaar.accounts.lookup import refuse, visible_get
from weerbaar.audit.constants import AuditAction
from weerbaar.inspections.constants import PLAN_PERMISSION
from weerbaar.subjects.selectors import subjects_for_registry
from weerbaar.warehouse import facts, newcomers, rules
from weerbaar.warehouse.constants import VIEW_PERMISSION
from weerbaar.warehouse.models import Alert, ImportRun, RegistryLink, ScanRun


def may_review(user) -> bool:
    return is_active_user(user) and user.has_perm(VIEW_PERMISSION)


def _require(user, request=None) -> None:
    if not may_review(user):
        refuse(user=user, label="warehouse", request=request)


def alert_list(*, user, rule: str = "", area: str = "", status: str = "open") -> QuerySet[Alert]:
    _require(user)
    alerts = Alert.objects.all()
    if rule:
        alerts = alerts.filter(rule=rule)
    if area:
        alerts = alerts.filter(area__iexact=area.strip())
    if status:
        alerts = alerts.filter(status=status)
    return alerts.order_by("-raised_at", "-id")


def alert_get(*, user, alert_id: UUID, request=None, allowed: bool = True) -> Alert:
    return visible_get(
        Alert.objects.all(),
        user=user,
        object_id=alert_id,
        action=AuditAction.ALERT_VIEWED,
        request=request,
        allowed=allowed and may_review(user),
    )


def rule_catalogue() -> dict[str, rules.Rule]:
    return {rule.code: rule for rule in rules.all_rules()}


def import_run_get(*, user, run_id: UUID, request=None) -> ImportRun:
    return visible_get(
        ImportRun.objects.all(),
        user=user,
        object_id=run_id,
        action=None,
        request=request,
        allowed=may_review(user),
    )


def import_runs(*, user) -> QuerySet[ImportRun]:
    _require(user)
    return ImportRun.objects.prefetch_related("rejections").order_by("-id")


def alert_subjects(*, user, alert: Alert) -> list:
    """The subjects in the application the hit is about, as far as the user may see them."""
    refs = facts.refs(alert.facts)
    persons = Q(kind="person", registry_key__in=[h for h in refs["bsn_hashes"] if h])
    firms = Q(kind="organisation", registry_key__in=[k for k in refs["kvk_numbers"] if k])
    linked = RegistryLink.objects.filter(
        persons | firms, status__in=[RegistryLink.Status.LINKED, RegistryLink.Status.CONFIRMED]
    ).values_list("subject__uuid", flat=True)
    return subjects_for_registry(user=user, subject_ids=list(linked), **refs)


def registry_links(*, user, kind: str = "person", status: str = "review"):
    _require(user)
    links = RegistryLink.objects.filter(kind=kind).select_related("subject", "subject__person")
    return links.filter(status=status) if status else links


def link_get(*, user, link_id: UUID, request=None, allowed: bool = True) -> RegistryLink:
    return visible_get(
        RegistryLink.objects.select_related("subject"),
        user=user,
        object_id=link_id,
        action=None,  # only for deciding, which records itself
        request=request,
        allowed=allowed and may_review(user),
    )


def latest_scan(*, user, work: str = ScanRun.Work.RULES):
    _require(user)
    return ScanRun.objects.filter(work=work).order_by("-id").first()


def open_alert_count(*, user) -> int:
    """How many alerts wait for review, as the alert list shows them; 0 for who may not review."""
    return Alert.objects.filter(status=Alert.Status.OPEN).count() if may_review(user) else 0


def may_see_newcomers(user) -> bool:
    """The list of new businesses is for who plans controls and who reviews alerts."""
    return is_active_user(user) and (user.has_perm(PLAN_PERMISSION) or may_review(user))


def newcomer_list(*, user, division: str = "", area: str = "", request=None):
    """The establishments founded in the last four weeks (``warehouse.newcomers``)."""
    if not may_see_newcomers(user):
        refuse(user=user, label="warehouse.newcomers", request=request)
    return newcomers.newcomers(division=division, area=area)


def newcomer_groups(*, user, request=None):
    if not may_see_newcomers(user):
        refuse(user=user, label="warehouse.newcomers", request=request)
    return newcomers.groups()


def map_counts(*, user, year: int) -> list[dict]:
    """For the map: the alerts raised in ``year`` per address of their facts, each count
    with how many ``user`` may see (the analysts see every alert, others none). Aggregates
    only."""
    from django.db.models.fields.json import KeyTextTransform

    from weerbaar.core.counting import per_address

    raised = Alert.objects.filter(raised_at__year=year)
    return per_address(
        raised,
        postcode=KeyTextTransform("postcode", "facts"),
        number=KeyTextTransform("house_number", "facts"),
        visible=raised if may_review(user) else Alert.objects.none(),
    )
