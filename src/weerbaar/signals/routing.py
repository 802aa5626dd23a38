"""Routing rules: which team and analyst a signal is proposed to, by phenomenon and area.

A rule with both a phenomenon and an area beats one with only one of them, which beats a
rule for everything; among equals the lower order wins. The proposal is shown on the
signal's page; taking it over is a person's act (``signal_route``), audited.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.signals.locks import locked
from weerbaar.signals.models import RoutingRule, Signal


def _place_and_postcode(signal: Signal) -> tuple[str, str]:
    detail = getattr(signal.address, "address", None) if signal.address_id else None
    if detail is not None:
        return detail.place.strip().lower(), detail.postcode.replace(" ", "").upper()
    return signal.location_text.strip().lower(), ""


def _area_matches(area: str, place: str, postcode: str) -> bool:
    wanted = area.strip()
    if not wanted:
        return True
    if wanted[:4].isdigit():
        return bool(postcode) and postcode.startswith(wanted.replace(" ", "").upper())
    return wanted.lower() == place or (bool(place) and wanted.lower() in place.split())


def proposal(signal: Signal) -> RoutingRule | None:
    place, postcode = _place_and_postcode(signal)
    rules = RoutingRule.objects.filter(active=True).select_related("team", "analyst", "phenomenon")
    fitting = [
        r
        for r in rules
        if (r.phenomenon_id is None or r.phenomenon_id == signal.phenomenon_id)
        and _area_matches(r.area, place, postcode)
    ]
    if not fitting:
        return None
    return min(fitting, key=lambda r: (-(bool(r.phenomenon_id) + bool(r.area)), r.order, r.id))


@transaction.atomic
def signal_route(*, actor: User, signal: Signal, version: int | None) -> Signal:
    """Give the signal to the team (and analyst) its routing rule proposes."""
    signal = locked(signal, version)
    rule = proposal(signal)
    if rule is None:
        raise ValidationError(_("No routing rule fits this signal."))
    old = {
        "owner_team": str(signal.owner_team_id or ""),
        "assigned_to": str(signal.assigned_to_id or ""),
    }
    signal.owner_team = rule.team
    if rule.analyst_id and rule.analyst.is_active:
        signal.assigned_to = rule.analyst
    signal.version += 1
    signal.save(update_fields=["owner_team", "assigned_to", "version"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_ROUTED,
        obj=signal,
        old=old,
        new={
            "owner_team": str(signal.owner_team_id),
            "assigned_to": str(signal.assigned_to_id or ""),
            "rule": rule.pk,
        },
    )
    return signal
