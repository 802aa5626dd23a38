"""Public API of the interventions app for reads. Interventions live inside cases: whoever
may read the case file may read its interventions; the deadline overview shows a user's own
deadlines and those of their teams' cases."""

from datetime import timedelta
from uuid import UUID

from django.db.models import BooleanField, Case, Q, QuerySet, Sum, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone

from weerbaar.accounts.lookup import refuse, visible_get
from weerbaar.accounts.models import Team
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.cases.selectors import case_files_visible_to, cases_visible_to
from weerbaar.core.counting import per_year
from weerbaar.interventions.constants import Stage
from weerbaar.interventions.deadlines import OURS
from weerbaar.interventions.letters import refusal
from weerbaar.interventions.models import (
    Deadline,
    Forfeiture,
    Instrument,
    Intervention,
    LetterDocument,
)

# The measures whose earlier use makes a new Damocles case a repeat offence.
DAMOCLES_CODES = ["damocles-sluiting", "bestuurlijke-waarschuwing"]


def instruments() -> QuerySet[Instrument]:
    return Instrument.objects.filter(active=True).order_by("name")


def case_interventions(*, case) -> QuerySet[Intervention]:
    return case.interventions.select_related("instrument", "owner").order_by("id")


def interventions_visible_to(user) -> QuerySet[Intervention]:
    """The interventions of the cases whose whole file ``user`` may read."""
    return Intervention.objects.filter(case__in=case_files_visible_to(user))


def intervention_get(
    *, user, intervention_id: UUID, request=None, audit: bool = True, allowed: bool = True
) -> Intervention:
    """An intervention of a case whose file the user may read; the read is audited unless
    the caller records a read of its own (a letter) or a write."""
    return visible_get(
        interventions_visible_to(user).select_related("instrument", "case__case_type", "owner"),
        user=user,
        object_id=intervention_id,
        action=AuditAction.INTERVENTION_VIEWED if audit else None,
        request=request,
        allowed=allowed,
    )


def intervention_with_letter(*, user, intervention_id: UUID, kind: str, request=None):
    """The intervention, for the page of its letter ``kind``: only once the procedure has
    reached the letter's step. Before that it answers, and is audited, like a missing one."""
    found = visible_get(
        interventions_visible_to(user).select_related("instrument", "case__case_type"),
        user=user,
        object_id=intervention_id,
        action=None,
        request=request,
    )
    if refusal(found, kind):
        refuse(
            user=user,
            label=Intervention._meta.label_lower,
            object_id=intervention_id,
            request=request,
        )
    audit_record(actor=user, action=AuditAction.INTERVENTION_VIEWED, obj=found, request=request)
    return found


def offence_number(*, user, case) -> int:
    """1 + the earlier Damocles warnings and closures at the case's subjects (addresses,
    persons) that the user can see: the matrix's 'first' or 'repeat' offence."""
    subject_ids = list(case.subject_links.values_list("subject_id", flat=True))
    if not subject_ids:
        return 1
    earlier = (
        Intervention.objects.filter(
            instrument__code__in=DAMOCLES_CODES,
            case__subject_links__subject_id__in=subject_ids,
            case__in=cases_visible_to(user),
            decision_on__isnull=False,
        )
        .exclude(case=case)
        .values("pk")
        .distinct()
        .count()
    )
    return 1 + earlier


def deadline_overview(*, user, scope: str = "mine", window: str = "week") -> QuerySet[Deadline]:
    """Deadlines due within seven days (``week``, the default), overdue ones (``overdue``),
    or all open ones (``all``), for the user or for the cases of their teams that they may
    see. Overdue deadlines the municipality must meet are in every view, first, each with
    ``overdue`` set; a party's own term that passed is not the official's overdue work."""
    today = timezone.localdate()
    rows = Deadline.objects.filter(done=False).select_related(
        "intervention__instrument", "intervention__case", "owner", "team"
    )
    if scope == "team":
        # A deadline's team is its case's team, and a member of a case's team may see the
        # case (need-to-know's team door): the team alone decides, without a join to cases.
        teams = Team.objects.filter(memberships__user=user).values("pk")
        rows = rows.filter(team__in=teams)
    else:
        rows = rows.filter(owner=user)
    overdue = Q(due_on__lt=today, kind__in=[str(k) for k in OURS])
    if window == "overdue":
        rows = rows.filter(overdue)
    elif window == "all":
        rows = rows.filter(Q(due_on__gte=today) | overdue)
    else:
        rows = rows.filter(Q(due_on__gte=today, due_on__lte=today + timedelta(days=7)) | overdue)
    late = Case(When(overdue, then=Value(True)), default=Value(False), output_field=BooleanField())
    return rows.annotate(overdue=late).order_by("-overdue", "due_on", "id")


def digest_rows(*, days: int = 7):
    """Every open deadline due within ``days`` or overdue (ours), grouped by owner later."""
    today = timezone.localdate()
    return (
        Deadline.objects.filter(done=False, due_on__lte=today + timedelta(days=days))
        .filter(Q(due_on__gte=today) | Q(kind__in=[str(k) for k in OURS]))
        .select_related("owner", "intervention__instrument", "intervention__case")
        .order_by("owner_id", "due_on", "id")
    )


def earlier_measures(*, user, case) -> QuerySet[Intervention]:
    """Damocles warnings and closures at this case's subjects in other cases the user can
    see, with their dates: a repeat offence changes the measure."""
    subject_ids = list(case.subject_links.values_list("subject_id", flat=True))
    return (
        Intervention.objects.filter(
            instrument__code__in=DAMOCLES_CODES,
            case__subject_links__subject_id__in=subject_ids,
            case__in=cases_visible_to(user),
            decision_on__isnull=False,
        )
        .exclude(case=case)
        .select_related("instrument", "case")
        .distinct()
        .order_by("decision_on")
    )


CLOSURE_CODES = [
    "damocles-sluiting",
    "bestuurlijke-waarschuwing",
    "sluiting-174a",
    "apv-sluiting-openbaar-gebouw",
]


def closures_for_warehouse():
    """Every decided closure or Damocles warning with the subjects of its case, for the
    warehouse's rule "return of the closed" (a system read of the municipality's own
    measures, not a user's: the import that calls it is audited)."""
    return (
        Intervention.objects.filter(instrument__code__in=CLOSURE_CODES, decision_on__isnull=False)
        .select_related("instrument")
        .prefetch_related(
            "case__subject_links__subject__address",
            "case__subject_links__subject__person",
            "case__subject_links__subject__organisation",
        )
        .order_by("decision_on", "id")
    )


def deadline_counts(*, user) -> dict[str, int]:
    """For the start page: the user's deadlines in the overview's default view (``week``:
    within a week, overdue included) and in its ``overdue`` view, as those lists count them."""
    return {
        "week": deadline_overview(user=user, window="week").count(),
        "overdue": deadline_overview(user=user, window="overdue").count(),
    }


def letter_documents(*, intervention) -> QuerySet[LetterDocument]:
    """The letters made for ``intervention`` (its reader reads its case file), each with its
    document's versions, newest first."""
    return intervention.letter_documents.select_related("document").prefetch_related(
        "document__versions__uploaded_by"
    )


def preview_choices(*, user, offered, limit: int = 30) -> list[Intervention]:
    """Recent interventions ``user`` may read whose instrument has the letter (``offered``),
    to preview an edited letter text on."""
    rows = interventions_visible_to(user).select_related("instrument", "case").order_by("-id")
    return [i for i in rows[: limit * 3] if offered(i.instrument)][:limit]


def yearly_counts(*, user, years: range) -> dict[str, list]:
    """For the yearly report: measures decided per instrument, measures finished per result,
    decisions on objection per outcome, and forfeitures, in ``years``, each count with how
    many of them ``user`` may read. Aggregates only."""
    first, stop = years.start, years.stop
    visible = interventions_visible_to(user)
    rows = Intervention.objects.all()
    forfeited = Forfeiture.objects.filter(
        forfeited_on__year__gte=first, forfeited_on__year__lt=stop
    )
    amounts = (
        forfeited.annotate(year=ExtractYear("forfeited_on"))
        .values("year")
        .annotate(amount=Sum("amount"))
        .order_by("year")
    )
    return {
        "measures": per_year(
            rows.filter(decision_on__year__gte=first, decision_on__year__lt=stop),
            year_field="decision_on",
            group="instrument__name",
            visible=visible,
        ),
        "results": per_year(
            rows.filter(finished_on__year__gte=first, finished_on__year__lt=stop).exclude(
                result=""
            ),
            year_field="finished_on",
            group="result",
            visible=visible,
        ),
        "objections": per_year(
            rows.filter(
                objection_decided_on__year__gte=first, objection_decided_on__year__lt=stop
            ).exclude(objection_outcome=""),
            year_field="objection_decided_on",
            group="objection_outcome",
            visible=visible,
        ),
        "forfeitures": per_year(
            forfeited,
            year_field="forfeited_on",
            group=None,
            visible=Forfeiture.objects.filter(intervention__in=visible),
        ),
        "forfeited_amounts": {row["year"]: row["amount"] for row in amounts},
    }


def running_counts(*, user) -> dict[str, list]:
    """For the mayor's overview: the measures decided and not yet finished per instrument,
    and the municipality's own open deadlines (overdue, this week, later), each count with
    how many ``user`` may read. Aggregates only."""
    from django.db.models import F

    from weerbaar.core.counting import grouped

    today = timezone.localdate()
    visible = interventions_visible_to(user)
    running = Intervention.objects.filter(decision_on__isnull=False, finished_on__isnull=True)
    when = Case(
        When(due_on__lt=today, then=Value("overdue")),
        When(due_on__lte=today + timedelta(days=7), then=Value("week")),
        default=Value("later"),
    )
    deadlines = Deadline.objects.filter(done=False, kind__in=[str(k) for k in OURS])
    return {
        "running": grouped(running, groups={"instrument": F("instrument__name")}, visible=visible),
        "deadlines": grouped(
            deadlines,
            groups={"when": when},
            visible=Deadline.objects.filter(intervention__in=visible),
        ),
    }


def mayor_queue(*, user) -> QuerySet[Intervention]:
    """The Damocles decisions waiting for the mayor that ``user`` may read, oldest first."""
    return (
        interventions_visible_to(user)
        .filter(instrument__code__in=DAMOCLES_CODES, stage=Stage.INTENTION)
        .select_related("instrument", "case")
        .order_by("intention_sent_on", "id")
    )


def map_counts(*, user, year: int) -> list[dict]:
    """For the map: the measures decided in ``year`` per address of their case, each count
    with how many ``user`` may read. Aggregates only."""
    from weerbaar.cases.selectors import first_address
    from weerbaar.core.counting import per_address

    decided = Intervention.objects.filter(decision_on__year=year)
    return per_address(decided, **first_address("case_id"), visible=interventions_visible_to(user))
