"""The privacy app's reads: its public API. The retention page (terms, holds, register),
only for the FG and the beheerder; the requests of data subjects with the overview of every
record about the person and who read it, only for the FG."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db.models import Count, F, Max, Q, QuerySet, Sum
from django.utils import timezone

from weerbaar.accounts.access import is_active_user
from weerbaar.accounts.constants import Role
from weerbaar.accounts.lookup import refuse, visible_get
from weerbaar.accounts.models import Share
from weerbaar.audit.constants import VIEW_PERMISSION as AUDIT_PERMISSION
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_record
from weerbaar.core import practice, retention, subject_records
from weerbaar.meetings.models import AgendaItem
from weerbaar.privacy import reviews, unusual
from weerbaar.privacy.constants import (
    HANDLE_PERMISSION,
    HOLD_PERMISSION,
    REVIEW_PERMISSION,
    VIEW_PERMISSION,
)
from weerbaar.privacy.models import (
    AccessReview,
    Annotation,
    DataRequest,
    Deletion,
    LegalHold,
    ProcessingActivity,
    Restriction,
    Withholding,
)
from weerbaar.signals.models import RetentionRule


def may_view(user) -> bool:
    return is_active_user(user) and user.has_perm(VIEW_PERMISSION)


def may_hold(user) -> bool:
    return is_active_user(user) and user.has_perm(HOLD_PERMISSION)


def retention_overview(*, user, request=None) -> dict:
    """The terms in force per kind, the holds and the register (querysets to page through);
    refused like a missing page to anyone else."""
    if not may_view(user):
        refuse(user=user, label="retention", request=request)
    rows = {r.code: r for r in RetentionRule.objects.all()}
    terms = [_term(kind, rows) for kind in retention.kinds()]
    audit_record(actor=user, action=AuditAction.RETENTION_VIEWED, request=request)
    # The holds and their reasons are the FG's; the beheerder keeps the terms.
    holds = LegalHold.objects.filter(lifted_at__isnull=True) if may_hold(user) else None
    return {
        "terms": terms,
        "holds": holds.select_related("case", "signal", "placed_by") if holds is not None else None,
        "register": Deletion.objects.select_related("run", "run__started_by"),
    }


def _term(kind, rows) -> dict:
    rule = rows.get(kind.code)
    days = None if kind.default_days is None else (rule.days if rule else kind.default_days)
    # Shown beside the days: 1825 days is about five years (the job counts days).
    years = days // 365 if days and days >= 730 and days % 365 == 0 else None
    return {"kind": kind, "rule": rule, "days": days, "years": years}


def hold_get(*, user, hold_id, request=None) -> LegalHold:
    """One active hold, for the FG who lifts it."""
    queryset: QuerySet = LegalHold.objects.filter(lifted_at__isnull=True)
    return visible_get(
        queryset,
        user=user,
        object_id=hold_id,
        action=None,
        request=request,
        allowed=may_hold(user),
    )


# Reads listed per record on the overview; the count is always complete.
ACCESSES_SHOWN = 50


def may_handle(user) -> bool:
    return is_active_user(user) and user.has_perm(HANDLE_PERMISSION)


def requests_list(*, user, query: str = "", state: str = "open", request=None) -> QuerySet:
    """The requests of data subjects, open first by their term; refused to anyone but the FG.
    ``query`` finds a request by its number, the person's name or the requester."""
    if not may_handle(user):
        refuse(user=user, label="data requests", request=request)
    rows = DataRequest.objects.select_related("subject")
    if state == "open":
        rows = rows.filter(completed_on__isnull=True)
    elif state == "answered":
        rows = rows.filter(completed_on__isnull=False)
    if query.strip():
        text = query.strip()
        rows = rows.filter(
            Q(reference__icontains=text)
            | Q(subject__label__icontains=text)
            | Q(requester__icontains=text)
        )
    return rows.order_by(F("completed_on").asc(nulls_first=True), "due_on", "-id")


def open_requests() -> QuerySet:
    """The requests not answered yet, for the deadline overview."""
    return DataRequest.objects.filter(completed_on__isnull=True).only(
        "uuid", "reference", "kind", "due_on"
    )


def request_get(*, user, request_id, request=None, audit: bool = True) -> DataRequest:
    """One request, for the FG; the read is audited against the person (``audit`` False for
    a write that records itself)."""
    return visible_get(
        DataRequest.objects.select_related("subject"),
        user=user,
        object_id=request_id,
        action=AuditAction.DATA_REQUEST_VIEWED if audit else None,
        request=request,
        allowed=may_handle(user),
        subject_of=lambda found: found.subject.uuid,
    )


def restriction_current(subject) -> Restriction | None:
    return Restriction.objects.filter(subject=subject, lifted_at__isnull=True).first()


def is_restricted(subject_pk: int) -> bool:
    return Restriction.objects.filter(subject_id=subject_pk, lifted_at__isnull=True).exists()


@dataclass
class Item:
    """One record on the overview: what it holds, who read it, and what the FG decided."""

    record: subject_records.Record
    accesses: list = field(default_factory=list)
    access_count: int = 0
    withheld: Withholding | None = None
    annotations: list = field(default_factory=list)
    # Withheld with the record it comes from, not by a decision of its own.
    inherited: bool = False

    @property
    def disclosed(self) -> bool:
        return not self.record.compartment and self.withheld is None


def _accesses(subject, records) -> dict[str, list[AuditRecord]]:
    """The allowed reads and changes of each record, by its object in the trail. Rows that
    name the person but another object (a Bibob letter, say) stay with that object, and the
    FG's own handling of requests is not access to the person's records."""
    ids = {r.object_id for r in records}
    rows = (
        AuditRecord.objects.filter(object_id__in=ids, result="allowed")
        .exclude(action__startswith="privacy.")
        .only("object_id", "created_at", "actor_username", "actor_roles", "action")
    )
    found: dict[str, list[AuditRecord]] = defaultdict(list)
    for row in rows.order_by("-id").iterator():
        found[row.object_id].append(row)
    return found


def request_items(data_request: DataRequest) -> list[Item]:
    """Every record about the person of the request, with its reads (newest first), the
    withholding and the annotations of each."""
    subject = data_request.subject
    records = subject_records.records(subject)
    accesses = _accesses(subject, records)
    withheld = {w.record_key: w for w in data_request.withheld.select_related("recorded_by")}
    notes: dict[str, list[Annotation]] = defaultdict(list)
    for note in Annotation.objects.filter(subject=subject).order_by("created_at", "id"):
        notes[note.record_key].append(note)
    items = [
        Item(
            record=r,
            accesses=accesses[r.object_id][:ACCESSES_SHOWN],
            access_count=len(accesses[r.object_id]),
            withheld=withheld.get(r.key),
            annotations=notes[r.key],
        )
        for r in records
    ]
    # A record comes from its parents: withheld with them (a measure with its case, which
    # may itself be withheld through the signal it came from).
    by_key = {item.record.key: item for item in items}
    for item in items:
        if item.withheld is None:
            item.withheld = _inherited(item, by_key, set())
            item.inherited = item.withheld is not None
    return items


def _inherited(item: Item, by_key: dict, seen: set) -> Withholding | None:
    for key in item.record.parents:
        parent = by_key.get(key)
        if parent is None or key in seen:
            continue
        seen.add(key)
        found = parent.withheld or _inherited(parent, by_key, seen)
        if found is not None:
            return found
    return None


def grouped(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """The items per part of the product, in the order the apps registered them."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.record.group, []).append(item)
    return list(groups.items())


def request_copy(*, user, data_request: DataRequest, request=None) -> dict:
    """What the copy for the data subject holds: ``items``, the records not withheld and
    never those of a compartment (Bibob, police information), and ``grounds``, the grounds of
    the records withheld outside the compartments, and ``activities``, the processing
    activities with their purposes, recipients and sources; the making of the copy is
    audited."""
    if not may_handle(user):
        refuse(user=user, label="data requests", request=request)
    items = request_items(data_request)
    disclosed = [item for item in items if item.disclosed]
    grounds = {
        item.withheld.get_ground_display()
        for item in items
        if item.withheld is not None and not item.record.compartment
    }
    audit_record(
        actor=user,
        action=AuditAction.DATA_REQUEST_COPY,
        obj=data_request,
        subject_ref=data_request.subject.uuid,
        request=request,
        extra={"records": len(disclosed), "withheld": len(items) - len(disclosed)},
    )
    # What AVG art. 15(1) asks beside the data: purposes, recipients, terms and sources, of
    # the activities the disclosed records fall under (a compartment's never shows).
    terms = {term for item in disclosed for term in item.record.terms}
    activities = [
        a for a in ProcessingActivity.objects.filter(active=True) if terms & set(a.retention)
    ]
    return {"items": disclosed, "grounds": sorted(grounds), "activities": activities}


def may_review(user) -> bool:
    return is_active_user(user) and user.has_perm(REVIEW_PERMISSION)


@dataclass
class ReviewRow:
    """A user on the review list, marked when new or changed since the last sign-off."""

    user: object
    values: dict
    change: str = ""  # "new", "changed" or ""

    @property
    def role_labels(self) -> list[str]:
        labels = dict(Role.choices)
        return [str(labels.get(name, name)) for name in self.values["roles"]]


def access_review(*, user, scope: str, request=None, audit: bool = True) -> dict:
    """The review list of ``scope`` (every user, or the privileged roles) with this period's
    sign-off and the earlier ones; refused to anyone but the FG. ``users`` is the queryset
    (for the export); ``rows`` the marked rows."""
    if not may_review(user):
        refuse(user=user, label="access review", request=request)
    users = reviews.reviewed_users(scope)
    period = reviews.period_of(scope, timezone.localdate())
    history = AccessReview.objects.filter(scope=scope).select_related("signed_by")
    last = history.first()
    before = {r["username"]: r for r in last.snapshot} if last else {}
    rows = []
    for found in users:
        values = reviews.row(found)
        earlier = before.get(found.username)
        change = "" if not before else "new" if earlier is None else ""
        if earlier is not None and (earlier["roles"], earlier["teams"]) != (
            values["roles"],
            values["teams"],
        ):
            change = "changed"
        rows.append(ReviewRow(found, values, change))
    if audit:
        audit_record(
            actor=user,
            action=AuditAction.ACCESS_REVIEW_VIEWED,
            request=request,
            extra={"scope": scope, "users": len(rows)},
        )
    return {
        "users": users,
        "rows": rows,
        "period": period,
        "signed": next((r for r in history if r.period == period), None),
        "history": history[:12],
        "gone": sorted(set(before) - {r.values["username"] for r in rows}),
    }


def may_see_unusual(user) -> bool:
    return is_active_user(user) and user.has_perm(AUDIT_PERMISSION)


def week_of(day) -> tuple:
    """The Monday and Sunday of the week ``day`` lies in."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def unusual_access_report(*, user, start, request=None) -> unusual.Report:
    """The findings of the week starting ``start`` (a Monday), for the FG; audited."""
    if not may_see_unusual(user):
        refuse(user=user, label="unusual access", request=request)
    start, end = week_of(start)
    report = unusual.unusual_access(start, end)
    audit_record(
        actor=user,
        action=AuditAction.UNUSUAL_ACCESS_VIEWED,
        request=request,
        extra={"week": start.isoformat(), "findings": len(report.findings)},
    )
    return report


def _applied(kind, days, today) -> dict:
    """What the job did with a kind in the last year, and what is past its term now."""
    year_ago = today - timedelta(days=365)
    done = Deletion.objects.filter(kind=kind.code, deleted_on__gte=year_ago).aggregate(
        count=Sum("count"), last=Max("deleted_on")
    )
    overdue = None if kind.chained else kind.due(today, days).count()
    return {"removed": done["count"] or 0, "last": done["last"], "overdue": overdue}


def processing_register(*, user, request=None, annex: bool = False) -> dict:
    """The register of processing activities beside practice: the terms configured and what
    the job applied, the shares made per recipient, the LIO items shared, the users per role
    and what other apps report (the sources imported); for the FG and the beheerder. Read for
    the DPIA annex (``annex``), it is audited as a download."""
    if not may_view(user):
        refuse(user=user, label="processing register", request=request)
    today = timezone.localdate()
    rules = {r.code: r for r in RetentionRule.objects.all()}
    terms = []
    for kind in retention.kinds():
        term = _term(kind, rules)
        terms.append({**term, **_applied(kind, term["days"], today)})
    year_ago = timezone.now() - timedelta(days=365)
    shares = (
        Share.objects.filter(created_at__gte=year_ago)
        .values("team__name", "team__is_external")
        .annotate(
            count=Count("pk"),
            bases=Count("legal_basis", distinct=True, filter=~Q(legal_basis="")),
        )
        .order_by("-count", "team__name")
    )
    shared_items = (
        AgendaItem.objects.filter(shared_with_partners=True, meeting__starts_at__gte=year_ago)
        .values("meeting__series__name")
        .annotate(count=Count("pk"))
        .order_by("meeting__series__name")
    )
    roles = (
        Group.objects.annotate(users=Count("user", filter=Q(user__is_active=True)))
        .order_by("name")
        .values_list("name", "users")
    )
    action = AuditAction.REGISTER_ANNEX if annex else AuditAction.REGISTER_VIEWED
    audit_record(actor=user, action=action, request=request)
    labels = dict(Role.choices)
    return {
        "activities": ProcessingActivity.objects.filter(active=True),
        "terms": terms,
        "shares": list(shares),
        "shared_items": list(shared_items),
        "roles": [(labels.get(name, name), count) for name, count in roles],
        "sections": practice.sections(),
        "today": today,
    }
