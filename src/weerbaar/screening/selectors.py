"""The screening app's reads: its public API for other apps.

The compartment (Wet Bibob art. 28) is one rule, ``screenings_visible_to``: a screening is
visible to a user whose role carries the Bibob permission, and to a user or team it was
shared with explicitly until the share expires; to nobody else, not by team and not by any
other role. Every read below is built on it, and one screening is fetched through
``accounts.lookup.visible_get`` so a hidden screening answers exactly like a missing one.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.urls import reverse

from weerbaar.accounts.access import can_use, may_see_any, visible_q
from weerbaar.accounts.lookup import visible_get
from weerbaar.accounts.models import Share
from weerbaar.audit.constants import AuditAction
from weerbaar.core.deadline_board import Row
from weerbaar.screening.constants import CHANGE_PERMISSION, SEE_ALL_PERMISSION, Status
from weerbaar.screening.deadlines import compute
from weerbaar.screening.models import ChecklistItem, Screening, ScreeningLetter


def screenings_visible_to(user) -> QuerySet:
    """The screenings ``user`` may see: the Bibob role, or an explicit live share."""
    rule = visible_q(user, model=Screening, see_all_perm=SEE_ALL_PERMISSION, team_field=None)
    return Screening.objects.filter(rule).select_related("permit_kind", "applicant")


def may_see_screenings(user) -> bool:
    """Whether the list is open to ``user`` (the role, or at least one share)."""
    return may_see_any(user, model=Screening, see_all_perm=SEE_ALL_PERMISSION, team_field=None)


def may_change(user) -> bool:
    return can_use(user, CHANGE_PERMISSION)


def screening_list(*, user, permit_kind=None, status: str = "") -> QuerySet:
    screenings = screenings_visible_to(user)
    if permit_kind:
        screenings = screenings.filter(permit_kind=permit_kind)
    if status:
        screenings = screenings.filter(status=status)
    return screenings


def screening_get(
    *, user, screening_id, request=None, audit: bool = True, allowed: bool = True
) -> Screening:
    """The screening if ``user`` may see it (and ``allowed``); Http404 otherwise."""
    return visible_get(
        screenings_visible_to(user),
        user=user,
        object_id=screening_id,
        action=AuditAction.SCREENING_VIEWED if audit else None,
        request=request,
        allowed=allowed,
        subject_of=lambda s: s.applicant.uuid,
    )


def screening_shares(*, screening: Screening) -> QuerySet:
    """The explicit shares of a screening the caller already may see."""
    return Share.objects.filter(
        content_type=ContentType.objects.get_for_model(Screening), object_uuid=screening.uuid
    ).select_related("user", "team")


def checklist(*, screening: Screening) -> list:
    """(item, its finding or None) for every checklist item in use, and any retired item
    that has a finding."""
    found = {f.item_id: f for f in screening.findings.select_related("item")}
    items = ChecklistItem.objects.filter(Q(active=True) | Q(pk__in=found))
    return [(item, found.get(item.pk)) for item in items]


def deadline_rows(user) -> list:
    """The terms of the open screenings ``user`` may see, for the deadline overview (the
    board this app registers with ``core.deadline_board``). The LBB's term is the LBB's, not
    late work of the municipality; a questionnaire past its term means a reminder is due."""
    rows = []
    open_ = screenings_visible_to(user).exclude(status=Status.DECIDED)
    for screening in open_.order_by("id"):
        url = reverse("screening:detail", args=[screening.uuid])
        for term in compute(screening):
            if not term.done:
                rows.append(Row(term.due, str(term.label), screening.reference, url, term.ours))
    return rows


def screening_letters(*, screening: Screening) -> QuerySet:
    """The letters made for a screening the caller already may see, newest version first."""
    return screening.letters.select_related("made_by").order_by("kind", "-number")


def letter_get(*, user, letter_id, request=None) -> ScreeningLetter:
    """A letter of a screening ``user`` may see; Http404 otherwise. Its download is a read
    of the screening and recorded as one."""
    letters = ScreeningLetter.objects.filter(screening__in=screenings_visible_to(user))
    return visible_get(
        letters.select_related("screening__applicant"),
        user=user,
        object_id=letter_id,
        action=AuditAction.SCREENING_VIEWED,
        request=request,
        subject_of=lambda letter: letter.screening.applicant.uuid,
    )


# List screening: a checked list is in the compartment under the same rule as a screening
# (the Bibob role, or an explicit live share of the list).
from django.db.models import Count  # noqa: E402

from weerbaar.screening.models import ListCheck  # noqa: E402


def list_checks_visible_to(user) -> QuerySet:
    rule = visible_q(user, model=ListCheck, see_all_perm=SEE_ALL_PERMISSION, team_field=None)
    return ListCheck.objects.filter(rule)


def may_see_list_checks(user) -> bool:
    return may_see_any(user, model=ListCheck, see_all_perm=SEE_ALL_PERMISSION, team_field=None)


def list_check_index(*, user) -> QuerySet:
    """The checked lists ``user`` may see, with their counts of lines and of lines with
    something found."""
    return (
        list_checks_visible_to(user)
        .annotate(lines=Count("rows"), with_findings=Count("rows", filter=Q(rows__found=True)))
        .order_by("-created_at", "-id")
    )


def list_check_get(*, user, list_id, request=None) -> ListCheck:
    """The checked list if ``user`` may see it; Http404 otherwise."""
    return visible_get(
        list_checks_visible_to(user),
        user=user,
        object_id=list_id,
        action=AuditAction.SCREENING_LIST_VIEWED,
        request=request,
    )


def list_check_rows(*, checked_list, found_only: bool = False) -> QuerySet:
    """The lines of a list the caller already may see."""
    rows = checked_list.rows.all()
    return rows.filter(found=True) if found_only else rows


# The figures of a year for the annual report (``counts``): aggregates only.
from weerbaar.screening.counts import year_counts as year_counts  # noqa: E402
