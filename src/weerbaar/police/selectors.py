"""The police compartment's reads, its public API for other apps (Wpg art. 7: information
is processed for the purpose it was provided for, by those who need it for that purpose).

One rule, ``provisions_visible_to``: a provision is visible to a user whose role carries the
compartment's permission **and** is named by the provision's purpose, on a case the user works
on (its team, its case team, or every case through the regisseur's role). A share of the case
does not carry it: a partner or a colleague who was shown the case does not read what the
police gave for it. Nothing else reads a provision: no search, no list of another app, no
count, no export.
"""

from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet

from weerbaar.accounts.access import NOTHING, can_use
from weerbaar.accounts.lookup import visible_get
from weerbaar.accounts.models import Team
from weerbaar.audit.constants import AuditAction
from weerbaar.cases.constants import SEE_ALL_PERMISSION as ALL_CASES
from weerbaar.cases.models import Case, CaseMember, CaseSubject
from weerbaar.core.references import typed_reference
from weerbaar.police.constants import ADD_PERMISSION, REFERENCE_PREFIX, VIEW_PERMISSION
from weerbaar.police.models import Provision, Purpose
from weerbaar.subjects.models import Subject


def purposes_for(user) -> QuerySet[Purpose]:
    """The purposes whose information ``user`` may read (and so record)."""
    if not can_use(user, VIEW_PERMISSION):
        return Purpose.objects.none()
    roles = user.role_names()
    return Purpose.objects.filter(
        pk__in=[p.pk for p in Purpose.objects.all() if roles & set(p.roles)]
    )


def reading_roles() -> set[str]:
    """The roles that hold the compartment's permission, and so can be named by a purpose."""
    app, codename = VIEW_PERMISSION.split(".")
    return set(
        Group.objects.filter(
            permissions__content_type__app_label=app, permissions__codename=codename
        ).values_list("name", flat=True)
    )


def _worked_on(user, case: str = "case__") -> Q:
    """The cases ``user`` works on, as a condition on ``case`` (``""``: on the case itself)."""
    if user.has_perm(ALL_CASES):
        return Q()
    teams = Team.objects.filter(memberships__user=user).values("pk")
    members = CaseMember.objects.filter(user=user).values("case_id")
    return Q(**{f"{case}owner_team__in": teams}) | Q(**{f"{case}pk__in": members})


def provisions_visible_to(user) -> QuerySet[Provision]:
    if not can_use(user, VIEW_PERMISSION):
        return Provision.objects.filter(NOTHING)
    return Provision.objects.filter(_worked_on(user), purpose__in=purposes_for(user))


def may_use(user) -> bool:
    """Whether the compartment's pages are open to ``user``: its role holds the permission
    (what the pages then show is decided by the purposes). No query beyond the permissions
    Django caches, since the menu asks on every page."""
    return can_use(user, VIEW_PERMISSION)


def may_record(user, case: Case) -> bool:
    """Whether ``user`` may record police information for ``case``."""
    return (
        can_use(user, ADD_PERMISSION)
        and purposes_for(user).exists()
        and Case.objects.filter(_worked_on(user, case=""), pk=case.pk).exists()
    )


def provision_list(*, user, purpose=None, q: str = "", sort: str = "") -> QuerySet[Provision]:
    rows = provisions_visible_to(user).select_related("case", "purpose")
    if purpose:
        rows = rows.filter(purpose=purpose)
    if q:
        # Only the numbers: the text is encrypted, and a search of its content is the
        # hit/no-hit query the Wpg does not allow.
        match = Q(case__reference__iexact=q.strip())
        reference = typed_reference(q, REFERENCE_PREFIX)
        if reference:
            match |= Q(reference=reference)
        case_reference = typed_reference(q, "C")
        if case_reference:
            match |= Q(case__reference=case_reference)
        rows = rows.filter(match)
    order = {"oldest": ("received_on", "id"), "case": ("case__reference", "-received_on")}.get(sort)
    return rows.order_by(*(order or ("-received_on", "-id")))


def provisions_of_case(*, user, case: Case) -> QuerySet[Provision]:
    return provisions_visible_to(user).filter(case=case).select_related("purpose")


def provision_get(*, user, provision_id, request=None, audit: bool = True) -> Provision:
    """The provision if ``user`` may read it; Http404 otherwise, as for a missing one."""
    return visible_get(
        provisions_visible_to(user).select_related("case", "purpose", "subject"),
        user=user,
        object_id=provision_id,
        action=AuditAction.POLICE_VIEWED if audit else None,
        request=request,
        subject_of=lambda p: p.subject.uuid if p.subject else None,
    )


def case_subjects(*, case: Case) -> QuerySet:
    """The subjects of ``case`` a provision may be about."""
    return Subject.objects.filter(
        pk__in=CaseSubject.objects.filter(case=case).values("subject_id")
    ).order_by("label")
