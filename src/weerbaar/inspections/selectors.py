"""Public API of the inspections app for reads, with need-to-know built in.

An inspection, and an address check, is visible to its team, to whoever it was shared with,
and to the roles with the app's see-all permission (the toezichthouder and the regisseur).
A hidden one answers like a missing one (404, one ``access.denied`` row).
"""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from weerbaar.accounts.access import can_use, is_active_user, may_see_any, visible_q
from weerbaar.accounts.lookup import visible_get
from weerbaar.audit.constants import AuditAction
from weerbaar.core.counting import per_year
from weerbaar.inspections.constants import (
    CHANGE_PERMISSION,
    CHECKS_CHANGE_PERMISSION,
    CHECKS_SEE_ALL_PERMISSION,
    SEE_ALL_PERMISSION,
    InspectionStatus,
    Measure,
)
from weerbaar.inspections.models import (
    AddressCheck,
    Inspection,
    InspectionKind,
    Photo,
    TypedCandidate,
)


def inspections_visible_to(user) -> QuerySet[Inspection]:
    return Inspection.objects.filter(
        visible_q(user, model=Inspection, see_all_perm=SEE_ALL_PERMISSION, team_field="owner_team")
    )


def checks_visible_to(user) -> QuerySet[AddressCheck]:
    return AddressCheck.objects.filter(
        visible_q(
            user,
            model=AddressCheck,
            see_all_perm=CHECKS_SEE_ALL_PERMISSION,
            team_field="owner_team",
        )
    )


def typed_visible_to(user) -> QuerySet[TypedCandidate]:
    """Typed candidates: the team's, and all of them for the roles that see every inspection."""
    return TypedCandidate.objects.filter(
        visible_q(
            user, model=TypedCandidate, see_all_perm=SEE_ALL_PERMISSION, team_field="owner_team"
        )
    )


def typed_candidate_get(*, user, candidate_id: UUID, request=None, allowed: bool = True):
    # Not audited as a read: an address and a line of why, shown on the planning page whole;
    # removing one records itself.
    return visible_get(
        typed_visible_to(user).select_related("address", "address__address"),
        user=user,
        object_id=candidate_id,
        action=None,
        request=request,
        allowed=allowed,
    )


def may_see_inspections(user) -> bool:
    return can_use(user, SEE_ALL_PERMISSION) or may_see_any(
        user, model=Inspection, see_all_perm=None, team_field="owner_team"
    )


def may_see_checks(user) -> bool:
    return can_use(user, CHECKS_SEE_ALL_PERMISSION) or may_see_any(
        user, model=AddressCheck, see_all_perm=None, team_field="owner_team"
    )


def inspection_list(*, user, status: str = "", kind: str = "", upcoming: bool = False):
    rows = inspections_visible_to(user).select_related("kind", "owner_team")
    if status:
        rows = rows.filter(status=status)
    if kind:
        rows = rows.filter(kind__code=kind)
    if upcoming:
        rows = rows.filter(status=InspectionStatus.PLANNED, planned_on__gte=timezone.localdate())
        return rows.order_by("planned_on", "id")
    return rows.order_by("-planned_on", "-id")


def inspection_get(
    *, user, inspection_id: UUID, request=None, audit: bool = True, allowed: bool = True
) -> Inspection:
    return visible_get(
        inspections_visible_to(user).select_related("kind", "owner_team", "signal", "case"),
        user=user,
        object_id=inspection_id,
        action=AuditAction.INSPECTION_VIEWED if audit else None,
        request=request,
        allowed=allowed,
    )


def photo_get(*, user, photo_id: UUID, request=None) -> Photo:
    return visible_get(
        Photo.objects.filter(inspection__in=inspections_visible_to(user)),
        user=user,
        object_id=photo_id,
        action=AuditAction.INSPECTION_PHOTO_VIEWED,
        request=request,
    )


def check_list(*, user, outcome: str = "", open_only: bool = False, query: str = ""):
    rows = checks_visible_to(user).select_related("address", "signal", "owner_team")
    if open_only:
        rows = rows.filter(outcome="")
    elif outcome:
        rows = rows.filter(outcome=outcome)
    if query:
        rows = rows.filter(Q(address__label__icontains=query) | Q(reference__iexact=query))
    if open_only:
        return rows.order_by("planned_on", "id")
    return rows.order_by("-planned_on", "-id")


def check_get(
    *, user, check_id: UUID, request=None, audit: bool = True, allowed: bool = True
) -> AddressCheck:
    return visible_get(
        checks_visible_to(user).select_related("address", "signal", "owner_team", "follow_up"),
        user=user,
        object_id=check_id,
        action=AuditAction.ADDRESS_CHECK_VIEWED if audit else None,
        request=request,
        allowed=allowed,
    )


@dataclass
class Progress:
    kind: InspectionKind
    done: int

    @property
    def share(self) -> int:
        target = self.kind.yearly_target
        return round(100 * self.done / target) if target else 0


def progress(*, user, year: int | None = None) -> list[Progress]:
    """Per active kind, this year's held inspections (or done address checks) against its
    target; counted over what the user may see."""
    year = year or timezone.localdate().year
    held = dict(
        inspections_visible_to(user)
        .filter(status__in=[InspectionStatus.HELD, InspectionStatus.CLOSED], held_on__year=year)
        .values_list("kind_id")
        .annotate(n=Count("id"))
    )
    checks = checks_visible_to(user).exclude(outcome="").filter(checked_on__year=year).count()
    return [
        Progress(kind, checks if kind.measure == Measure.ADDRESS_CHECKS else held.get(kind.pk, 0))
        for kind in InspectionKind.objects.filter(active=True)
    ]


def upcoming(*, user) -> QuerySet[Inspection]:
    return inspection_list(user=user, upcoming=True)


def open_checks(*, user) -> QuerySet[AddressCheck]:
    return check_list(user=user, open_only=True)


def sees_anything(user) -> bool:
    return is_active_user(user) and (may_see_inspections(user) or may_see_checks(user))


def does_inspections(user) -> bool:
    """Whether the user plans and records inspections or checks (their start page block)."""
    return can_use(user, CHANGE_PERMISSION, CHECKS_CHANGE_PERMISSION)


def yearly_counts(*, user, years: range) -> dict:
    """For the yearly report: the inspections held in ``years`` per kind, the address checks
    done per outcome, and each kind's yearly target, each count with how many ``user`` may
    see. Aggregates only."""
    held = Inspection.objects.filter(
        status__in=[InspectionStatus.HELD, InspectionStatus.CLOSED],
        held_on__year__gte=years.start,
        held_on__year__lt=years.stop,
    )
    checked = AddressCheck.objects.exclude(outcome="").filter(
        checked_on__year__gte=years.start, checked_on__year__lt=years.stop
    )
    return {
        "inspections": per_year(
            held, year_field="held_on", group="kind__name", visible=inspections_visible_to(user)
        ),
        "checks": per_year(
            checked, year_field="checked_on", group="outcome", visible=checks_visible_to(user)
        ),
        "targets": {
            k.name: k.yearly_target
            for k in InspectionKind.objects.filter(active=True)
            if k.measure != Measure.ADDRESS_CHECKS
        },
        "check_target": sum(
            k.yearly_target
            for k in InspectionKind.objects.filter(active=True, measure=Measure.ADDRESS_CHECKS)
        ),
    }
