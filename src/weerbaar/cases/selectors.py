"""Public API of the cases app for reads, with need-to-know built in.

A case is visible to its team, to whoever it was shared with, to the roles its case type
names, and to the regisseur (``cases.view_case``). Readers without ``cases.view_case_file``
(partners reading a shared RIEC case) see the case's heading only: type, status, RIEC details
and their own tasks, never notes, subjects or signals.
"""

from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

from weerbaar.accounts.access import is_active_user, may_see_any, visible_q
from weerbaar.accounts.lookup import visible_get
from weerbaar.accounts.models import Share
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_record
from weerbaar.cases.constants import FILE_PERMISSION, SEE_ALL_PERMISSION
from weerbaar.cases.models import (
    Case,
    CaseMember,
    CaseSubject,
    CaseType,
    DocumentVersion,
    Task,
)
from weerbaar.core.counting import per_year
from weerbaar.core.references import typed_reference
from weerbaar.signals.selectors import signals_about


def _types_for_roles(user) -> list[int]:
    roles = user.role_names()
    return [t.pk for t in CaseType.objects.all() if roles & set(t.visible_to_roles or [])]


def cases_visible_to(user, *, emergency: bool = True) -> QuerySet[Case]:
    """``emergency`` False: not counting the cases the user opened with a reason."""
    condition = visible_q(
        user,
        model=Case,
        see_all_perm=SEE_ALL_PERMISSION,
        team_field="owner_team",
        emergency=emergency,
    )
    if is_active_user(user) and not user.has_perm(SEE_ALL_PERMISSION):
        condition |= Q(case_type_id__in=_types_for_roles(user))
        condition |= Q(pk__in=CaseMember.objects.filter(user=user).values("case_id"))
    return Case.objects.filter(condition)


def may_see_cases(user) -> bool:
    if may_see_any(user, model=Case, see_all_perm=SEE_ALL_PERMISSION, team_field="owner_team"):
        return True
    return is_active_user(user) and (
        CaseMember.objects.filter(user=user).exists()
        or Case.objects.filter(case_type_id__in=_types_for_roles(user)).exists()
    )


def sees_file(user) -> bool:
    return is_active_user(user) and user.has_perm(FILE_PERMISSION)


def case_list(
    *,
    user,
    case_type=None,
    status: str = "",
    state: str = "",
    riec: str = "",
    q: str = "",
    sort: str = "",
) -> QuerySet[Case]:
    cases = cases_visible_to(user).select_related("case_type", "owner_team")
    if case_type:
        cases = cases.filter(case_type=case_type)
    if status:
        cases = cases.filter(status=status)
    if state == "open":
        cases = cases.filter(closed_on__isnull=True)
    elif state == "closed":
        cases = cases.filter(closed_on__isnull=False)
    if riec == "yes":
        cases = cases.filter(riec=True)
    if q:
        match = Q(title__icontains=q) | Q(riec_reference__iexact=q)
        reference = typed_reference(q, "C")
        if reference:  # a case number as typed (C-2026-0007, 2026-7) finds its case too
            match |= Q(reference=reference)
        cases = cases.filter(match)
    order = {"oldest": ("opened_on", "id"), "title": ("title", "id")}.get(sort)
    return cases.order_by(*(order or ("-opened_on", "-id")))


def case_get(
    *, user, case_id: UUID, request=None, audit: bool = True, allowed: bool = True
) -> Case:
    """The case if ``user`` may see it and ``allowed`` (the caller's own rule, e.g. "may
    change cases"); audited as opened unless ``audit`` is False; Http404 otherwise."""
    return visible_get(
        cases_visible_to(user).select_related("case_type", "owner_team"),
        user=user,
        object_id=case_id,
        action=AuditAction.CASE_VIEWED if audit else None,
        request=request,
        allowed=allowed,
    )


def case_files_visible_to(user) -> QuerySet[Case]:
    """The cases whose whole file ``user`` may read (what interventions and documents hang
    on); a partner with only the heading of a case gets none of them."""
    return cases_visible_to(user) if sees_file(user) else Case.objects.none()


def case_file_get(
    *, user, case_id: UUID, request=None, audit: bool = True, allowed: bool = True
) -> Case:
    """The case if ``user`` may read its whole file (not a partner who has the heading
    through a share); Http404 otherwise, as for a missing case."""
    return case_get(
        user=user,
        case_id=case_id,
        request=request,
        audit=audit,
        allowed=allowed and sees_file(user),
    )


class CaseFile:
    """What of a case a reader may see: the one place of the rule. The team sees the whole
    file; a partner with a share sees the heading (the case itself, its status history) and
    only their own tasks. Each part is read when it is first asked for."""

    def __init__(self, *, user, case: Case):
        self.user, self.case = user, case
        self.whole = sees_file(user)

    def _part(self, read):
        return read() if self.whole else []

    @cached_property
    def tasks(self) -> list:
        tasks = self.case.tasks.select_related("owner")
        return list(tasks if self.whole else tasks.filter(owner=self.user.pk))

    @cached_property
    def subjects(self) -> list:
        return self._part(lambda: list(case_subjects(case=self.case)))

    @cached_property
    def signals(self) -> list:
        return self._part(lambda: list(self.case.signals.all()))

    @cached_property
    def notes(self) -> list:
        return self._part(lambda: list(self.case.notes.select_related("author")))

    @cached_property
    def repeats(self) -> list:
        return self._part(lambda: repeat_history(user=self.user, case=self.case))

    @cached_property
    def documents(self) -> list:
        return self._part(lambda: list(case_documents(case=self.case)))

    @cached_property
    def members(self) -> list:
        return self._part(lambda: list(self.case.members.select_related("user")))

    @cached_property
    def timeline(self) -> list:
        return self._part(lambda: case_timeline(case=self.case))


def case_file(*, user, case: Case) -> CaseFile:
    """The parts of ``case`` (already fetched for ``user``) that ``user`` may read."""
    return CaseFile(user=user, case=case)


def cases_about(*, user, subject) -> QuerySet[Case]:
    """The case files about ``subject`` that ``user`` may read: linked to it, or coming from
    a signal about it. A partner with a case's heading only gets none: the heading never
    says which subjects a case is about."""
    linked = CaseSubject.objects.filter(subject=subject).values("case_id")
    through = Case.signals.through.objects.filter(
        signal__in=signals_about(user=user, subject=subject)
    ).values("case_id")
    return case_files_visible_to(user).filter(Q(pk__in=linked) | Q(pk__in=through))


def case_subjects(*, case: Case):
    return CaseSubject.objects.filter(case=case).select_related("subject").order_by("role", "id")


def repeat_history(*, user, case: Case) -> list[tuple[Case, list[str]]]:
    """Earlier cases the user may see about the same subjects or addresses, oldest first:
    repeat offences change the measure (e.g. the Damoclesbeleid)."""
    subject_ids = list(case.subject_links.values_list("subject_id", flat=True))
    if not subject_ids:
        return []
    shared = CaseSubject.objects.filter(subject_id__in=subject_ids).exclude(case=case)
    by_case: dict[int, list[str]] = {}
    for link in shared.select_related("subject")[:200]:
        by_case.setdefault(link.case_id, []).append(link.subject.label)
    earlier = (
        cases_visible_to(user)
        .filter(pk__in=list(by_case), opened_on__lte=case.opened_on)
        .select_related("case_type")
        .order_by("opened_on", "id")
    )
    return [(c, sorted(set(by_case[c.pk]))) for c in earlier]


def task_get(*, user, task_id: UUID, request=None) -> Task:
    """A task of the user's own, or of a case the user may see (for marking it done)."""
    tasks = Task.objects.select_related("case").filter(
        Q(owner=user.pk) | Q(case__in=cases_visible_to(user))
    )
    return visible_get(tasks, user=user, object_id=task_id, action=None, request=request)


def case_types() -> QuerySet[CaseType]:
    return CaseType.objects.filter(active=True).order_by("name")


def case_documents(*, case: Case):
    """The case's documents, each with its versions, newest first."""
    return case.documents.prefetch_related("versions__uploaded_by").order_by("title", "id")


def document_version_get(*, user, version_id: UUID, request=None):
    """A document version of a case whose file the user may read; audited."""
    version = visible_get(
        DocumentVersion.objects.select_related("document__case").filter(
            document__case__in=case_files_visible_to(user)
        ),
        user=user,
        object_id=version_id,
        action=None,  # recorded on the case below, so its timeline can leave reads out
        request=request,
    )
    audit_record(
        actor=user,
        action=AuditAction.CASE_DOCUMENT_READ,
        obj=version.document.case,
        request=request,
        new={"document": str(version.document.uuid), "version": version.number},
    )
    return version


# Reads are not history: the timeline shows what changed.
TIMELINE_HIDDEN = [
    str(AuditAction.CASE_VIEWED),
    str(AuditAction.CASE_DOCUMENT_READ),
    str(AuditAction.ACCESS_DENIED),
]


def case_timeline(*, case: Case, limit: int = 200):
    """Everything that happened to the case and its interventions, from the audit trail."""
    return list(
        AuditRecord.objects.filter(object_id=str(case.uuid))
        .exclude(action__in=TIMELINE_HIDDEN)
        .order_by("-id")[:limit]
    )


def open_tasks(*, user) -> QuerySet[Task]:
    """The open tasks ``user`` owns, on cases ``user`` may still see (a task of a case that
    moved out of sight is not shown), earliest due first."""
    return (
        Task.objects.filter(owner=user.pk, done_on__isnull=True, case__in=cases_visible_to(user))
        .select_related("case")
        .order_by("due_on", "id")
    )


def yearly_counts(*, user, years: range) -> dict[str, list]:
    """For the yearly report: the cases opened in ``years`` per reporting category of their
    type (blank: not classified) and the RIEC cases, each count with how many of them
    ``user`` may see. Aggregates only."""
    opened = Case.objects.filter(opened_on__year__gte=years.start, opened_on__year__lt=years.stop)
    visible = cases_visible_to(user)
    return {
        "categories": per_year(
            opened, year_field="opened_on", group="case_type__reporting_category", visible=visible
        ),
        "riec": per_year(
            opened.filter(riec=True), year_field="opened_on", group=None, visible=visible
        ),
    }


def open_counts(*, user) -> list[dict]:
    """For the mayor's overview: the open cases per status and age (``core.counting``'s
    buckets), each count with how many ``user`` may see. Aggregates only."""
    from django.db.models import F
    from django.utils import timezone

    from weerbaar.core.counting import age_bucket, grouped

    open_ = Case.objects.filter(closed_on__isnull=True)
    groups = {"status": F("status"), "age": age_bucket("opened_on", timezone.localdate())}
    return grouped(open_, groups=groups, visible=cases_visible_to(user))


def first_address(case_ref: str = "pk") -> dict:
    """The postcode and house number of a case's first address (the address it was opened
    for), as expressions for ``core.counting.per_address``; ``case_ref`` names the case in
    the counted rows."""
    from django.db.models import OuterRef, Subquery

    from weerbaar.subjects.constants import SubjectKind

    links = CaseSubject.objects.filter(
        case=OuterRef(case_ref), subject__kind=SubjectKind.ADDRESS
    ).order_by("pk")
    return {
        "postcode": Subquery(links.values("subject__address__postcode")[:1]),
        "number": Subquery(links.values("subject__address__house_number")[:1]),
    }


def map_counts(*, user, year: int) -> list[dict]:
    """For the map: the cases opened in ``year`` per (first) address, each count with how
    many ``user`` may see. Aggregates only."""
    from weerbaar.core.counting import per_address

    opened = Case.objects.filter(opened_on__year=year)
    return per_address(opened, **first_address(), visible=cases_visible_to(user))


def case_shares(case: Case):
    """The shares of the case that still hold, an opening with a reason left out."""
    now = timezone.now()
    return (
        Share.objects.filter(
            content_type=ContentType.objects.get_for_model(Case),
            object_uuid=case.uuid,
            emergency=False,
        )
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .select_related("team", "user", "granted_by", "case_weighing")
        .order_by("-created_at", "-id")
    )
