"""What the warehouse gives the inspections app (a lower tier, which may not import it):
its open alerts as candidates for a control and as the origin of a planned one, filled into
the registries of ``inspections.candidates`` from ``WarehouseConfig.ready()``."""

from uuid import UUID

import duckdb
from django.http import Http404
from django.urls import reverse, reverse_lazy
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from weerbaar.inspections import candidates, hooks
from weerbaar.inspections import registry_facts as inspection_facts
from weerbaar.inspections.constants import (
    CANDIDATES_SHOWN,
    CHECKS_PLAN_PERMISSION,
    PLAN_PERMISSION,
)
from weerbaar.screening import registry_facts as screening_facts
from weerbaar.subjects.selectors import subjects_visible_to
from weerbaar.warehouse import newcomers, registry_facts, selectors
from weerbaar.warehouse.alerts import alert_follow_up_record
from weerbaar.warehouse.models import Alert

# Rules whose hits are about who lives at an address: an address check fits them.
CHECK_RULES = {"overcrowding", "registration_churn"}


def _line(alert: Alert) -> str:
    return candidates.registry_line(alert.facts.get("postcode"), alert.facts.get("house_number"))


def alert_rows(user) -> list[candidates.Candidate]:
    """The open alerts the user may review (the warehouse's own need-to-know), newest first."""
    if not selectors.may_review(user):
        return []
    rows = selectors.alert_list(user=user, status=Alert.Status.OPEN)[:CANDIDATES_SHOWN]
    names = {code: rule.name for code, rule in selectors.rule_catalogue().items()}
    return [
        candidates.Candidate(
            reference=names.get(alert.rule, alert.rule),
            text=alert.explanation,
            url=reverse("warehouse:alert", args=[alert.uuid]),
            address=_line(alert),
            plan_url=candidates.plan_url("alert", alert.uuid),
            check_url=candidates.plan_url("alert", alert.uuid, check=True)
            if alert.rule in CHECK_RULES
            else "",
        )
        for alert in rows
    ]


def alert_prefill(user, value, request=None) -> candidates.Prefill:
    """The plan form from an alert: its address, its business, its explanation; the alert's
    id is kept as the origin so its outcome can come back (``outcomes``)."""
    try:
        alert_id = UUID(str(value))
    except ValueError:
        raise Http404 from None
    alert = selectors.alert_get(user=user, alert_id=alert_id, request=request)
    line, kvk = _line(alert), alert.facts.get("kvk_number")
    return candidates.Prefill(
        addresses=[line] if line else [],
        businesses=[kvk] if kvk else [],
        purpose=alert.explanation,
        alert_reference=str(alert.uuid),
    )


def plan_links(user, alert: Alert) -> dict:
    """The alert page's links to plan a control or an address check from an open alert, for
    who may plan them."""
    if alert.status != Alert.Status.OPEN:
        return {}
    links = {}
    if user.has_perm(PLAN_PERMISSION) and _line(alert):
        links["plan_control_url"] = candidates.plan_url("alert", alert.uuid)
    if user.has_perm(CHECKS_PLAN_PERMISSION) and alert.rule in CHECK_RULES and _line(alert):
        links["plan_check_url"] = candidates.plan_url("alert", alert.uuid, check=True)
    return links


def follow_up(*, actor, closed) -> None:
    """An inspection or check planned from an alert got its outcome: the alert hears it."""
    if closed.alert_reference:
        alert_follow_up_record(
            actor=actor, alert_reference=closed.alert_reference, text=closed.text
        )


def newcomer_rows(user) -> list[candidates.Candidate]:
    """The largest groups of new businesses by branch and area, each opening its list."""
    if not selectors.may_see_newcomers(user):
        return []
    try:
        groups = selectors.newcomer_groups(user=user)[:CANDIDATES_SHOWN]
    except duckdb.IOException:
        return []  # the warehouse is busy: the planning page still opens
    page = reverse("warehouse:new_businesses")
    return [
        candidates.Candidate(
            reference=f"{group.division} {group.branch}",
            text=ngettext(
                "%(n)s new establishment in %(area)s",
                "%(n)s new establishments in %(area)s",
                group.count,
            )
            % {"n": group.count, "area": group.area or "—"},
            url=f"{page}?{urlencode({'afdeling': group.division, 'gebied': group.area})}",
        )
        for group in groups
    ]


def newcomer_prefill(user, value, request=None) -> candidates.Prefill:
    """The plan form from a new establishment: its address and, when the business is in the
    register for the user, its KvK number."""
    if not selectors.may_see_newcomers(user):
        raise Http404
    found = newcomers.newcomer(str(value)[:12])
    if found is None:
        raise Http404
    line = candidates.registry_line(found.postcode, found.house_number)
    known = subjects_visible_to(user).filter(
        kind="organisation", organisation__kvk_number=found.kvk_number
    )
    return candidates.Prefill(
        addresses=[line] if line else [],
        businesses=[found.kvk_number] if known.exists() else [],
        purpose=gettext("New business: %(name)s (SBI %(division)s %(branch)s), founded %(day)s")
        % {
            "name": found.name,
            "division": found.division,
            "branch": found.branch,
            "day": date_format(found.founded_on),
        },
    )


def register() -> None:
    candidates.register(
        "alerts", _("Warehouse alerts"), alert_rows, more_url=reverse_lazy("warehouse:alerts")
    )
    candidates.origin_register("alert", alert_prefill)
    candidates.register(
        "newcomers",
        _("New businesses (last four weeks)"),
        newcomer_rows,
        more_url=reverse_lazy("warehouse:new_businesses"),
    )
    candidates.origin_register("kvk", newcomer_prefill)
    hooks.on_closed_register(follow_up)
    inspection_facts.provider_register(registry_facts.registry_facts)
    screening_facts.provider_register(registry_facts.screening_facts)
