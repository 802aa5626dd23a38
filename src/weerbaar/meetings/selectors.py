"""Public API of the meetings app for reads, with need-to-know built in.

A meeting is visible to the regisseur (``meetings.view_meeting``), to the participants of its
series and to its guests. Inside a meeting, readers with ``meetings.view_internal_items`` see
every item and all enrichment; everybody else (the partners) only the items shared with the
LIO and the enrichment marked for the LIO. A hidden meeting answers like a missing one.
"""

from datetime import date
from uuid import UUID

from django.db.models import Q, QuerySet
from django.utils import timezone

from weerbaar.accounts.access import is_active_user
from weerbaar.accounts.lookup import visible_get
from weerbaar.audit.constants import AuditAction
from weerbaar.core.counting import per_year
from weerbaar.intake.selectors import reporter_silence_days
from weerbaar.meetings.constants import (
    FEEDBACK_DAYS,
    INTERNAL_PERMISSION,
    SEE_ALL_PERMISSION,
    Decision,
    MeetingStatus,
)
from weerbaar.meetings.models import (
    ActionPoint,
    AgendaItem,
    Contribution,
    Meeting,
    MeetingSeries,
)
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.selectors import enrichments, signals_visible_to


def meetings_visible_to(user) -> QuerySet[Meeting]:
    if not is_active_user(user):
        return Meeting.objects.none()
    if user.has_perm(SEE_ALL_PERMISSION):
        return Meeting.objects.all()
    return Meeting.objects.filter(Q(series__participants=user) | Q(guests=user)).distinct()


def agenda_items_visible_to(user) -> QuerySet[AgendaItem]:
    """Agenda items of meetings ``user`` takes part in; outside the municipality only the
    items shared with the partners."""
    items = AgendaItem.objects.filter(meeting__in=meetings_visible_to(user))
    return items if sees_internal(user) else items.filter(shared_with_partners=True)


def series_visible_to(user) -> QuerySet[MeetingSeries]:
    if not is_active_user(user):
        return MeetingSeries.objects.none()
    if user.has_perm(SEE_ALL_PERMISSION):
        return MeetingSeries.objects.all()
    return MeetingSeries.objects.filter(participants=user)


def series_get(*, user, series_id: UUID, request=None, allowed: bool = True) -> MeetingSeries:
    return visible_get(
        series_visible_to(user),
        user=user,
        object_id=series_id,
        action=None,
        request=request,
        allowed=allowed,
    )


def may_see_meetings(user) -> bool:
    return is_active_user(user) and (
        user.has_perm(SEE_ALL_PERMISSION) or meetings_visible_to(user).exists()
    )


def sees_internal(user) -> bool:
    return is_active_user(user) and user.has_perm(INTERNAL_PERMISSION)


def meeting_list(*, user) -> QuerySet[Meeting]:
    return meetings_visible_to(user).select_related("series").order_by("-starts_at")


def meeting_get(*, user, meeting_id: UUID, request=None, audit: bool = True) -> Meeting:
    return visible_get(
        meetings_visible_to(user).select_related("series"),
        user=user,
        object_id=meeting_id,
        action=AuditAction.MEETING_VIEWED if audit else None,
        request=request,
    )


def agenda(*, user, meeting: Meeting) -> list[dict]:
    """The agenda as ``user`` may read it: items in order, each with its enrichment and
    action points; partners get only shared items and LIO enrichment, never the report text."""
    internal = sees_internal(user)
    items = meeting.items.select_related("signal__phenomenon", "signal__address", "decided_by")
    if not internal:
        items = items.filter(shared_with_partners=True)
    items = list(items.prefetch_related("actions__owner", "corrections__corrected_by"))
    contributions = _contributions(user=user, internal=internal, items=items)
    rows = []
    for item in sorted(items, key=lambda i: (i.position, i.id)):
        rows.append(
            {
                "item": item,
                "signal": item.signal,
                "internal": internal,
                "enrichments": list(enrichments(signal=item.signal, lio_only=not internal)),
                "actions": list(item.actions.all()),
                "silence": reporter_silence_days(signal=item.signal) if internal else None,
                "contributions": contributions.get(item.pk, []),
                "corrections": list(item.corrections.all()) if internal else [],
            }
        )
    return rows


def _contributions(*, user, internal: bool, items) -> dict[int, list[Contribution]]:
    """What partners added, per item: all of it for the municipality; for a partner their own
    and what the regisseur shared with the other partners."""
    rows = Contribution.objects.filter(item__in=items).select_related("author")
    if not internal:
        rows = rows.filter(Q(author=user) | Q(shared_with_partners=True))
    found: dict[int, list[Contribution]] = {}
    for row in rows.order_by("created_at", "id"):
        found.setdefault(row.item_id, []).append(row)
    return found


def contribution_get(*, user, contribution_id: UUID, request=None) -> Contribution:
    """A contribution for the municipality's readers of its meeting (to share it)."""
    rows = Contribution.objects.select_related("item__meeting__series", "item__signal").filter(
        item__meeting__in=meetings_visible_to(user)
    )
    return visible_get(
        rows,
        user=user,
        object_id=contribution_id,
        action=None,
        request=request,
        allowed=sees_internal(user),
    )


def item_get(*, user, item_id: UUID, request=None) -> AgendaItem:
    items = AgendaItem.objects.select_related("meeting__series", "signal").filter(
        meeting__in=meetings_visible_to(user)
    )
    if not sees_internal(user):
        items = items.filter(shared_with_partners=True)
    return visible_get(items, user=user, object_id=item_id, action=None, request=request)


def inspection_decisions(*, user) -> QuerySet[AgendaItem]:
    """Agenda items the meeting decided to be an integrale controle, newest first: of the
    meetings the user may see, the items they read there, about signals they may see."""
    items = AgendaItem.objects.filter(
        decision=Decision.INSPECTION,
        meeting__in=meetings_visible_to(user),
        signal__in=signals_visible_to(user),
    )
    if not sees_internal(user):
        items = items.filter(shared_with_partners=True)
    return items.select_related("meeting", "signal", "signal__address").order_by(
        "-decided_at", "-id"
    )


def agenda_candidates(*, user, meeting: Meeting) -> list[tuple]:
    """What belongs on the agenda: signals marked for the LIO that are not yet on an agenda
    still to be held, and running signals whose action points fall due by the meeting."""
    day: date = meeting.starts_at.date()
    pending = AgendaItem.objects.filter(
        meeting__status__in=[MeetingStatus.PLANNED, MeetingStatus.AGENDA_SENT]
    )
    visible = signals_visible_to(user).filter(merged_into__isnull=True)
    new = (
        visible.filter(status=SignalStatus.FOR_LIO)
        .exclude(pk__in=pending.values("signal_id"))
        .order_by("reported_on", "id")
    )
    due = ActionPoint.objects.filter(done_on__isnull=True, due_on__lte=day)
    running = (
        visible.filter(agenda_items__actions__in=due)
        .exclude(pk__in=meeting.items.values("signal_id"))
        .exclude(pk__in=new.values("pk"))
        .distinct()
        .order_by("reported_on", "id")
    )
    return [(s, "new") for s in new[:100]] + [(s, "running") for s in running[:100]]


def action_points(*, user, open_only: bool = True, everyone: bool = False) -> QuerySet[ActionPoint]:
    """Action points of ``user`` (or, for the regisseur, everyone's), earliest due first."""
    rows = ActionPoint.objects.select_related("owner", "item__meeting__series", "item__signal")
    if not (everyone and user.has_perm(SEE_ALL_PERMISSION)):
        rows = rows.filter(owner=user)
    if open_only:
        rows = rows.filter(done_on__isnull=True)
    return rows.order_by("due_on", "id")


def action_get(*, user, action_id: UUID, request=None) -> ActionPoint:
    actions = ActionPoint.objects.select_related("item__meeting")
    if not may_see_all_actions(user):
        actions = actions.filter(owner=user.pk)
    return visible_get(actions, user=user, object_id=action_id, action=None, request=request)


def feedback_overdue(days: int | None) -> bool:
    return days is not None and days >= FEEDBACK_DAYS


def may_see_all_actions(user) -> bool:
    return is_active_user(user) and user.has_perm(SEE_ALL_PERMISSION)


def reporter_silence(*, signal) -> int | None:
    return reporter_silence_days(signal=signal)


def next_meeting(*, user) -> Meeting | None:
    """The first meeting ``user`` may see that is still to be held (today's included)."""
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        meetings_visible_to(user)
        .filter(starts_at__gte=start)
        .exclude(status=MeetingStatus.HELD)
        .select_related("series")
        .order_by("starts_at", "id")
        .first()
    )


def yearly_counts(*, user, years: range) -> dict[str, list]:
    """For the yearly report: the meetings held in ``years`` per kind (GSO, LIO) and the
    decisions taken per decision, each count with how many ``user`` may see. Aggregates
    only."""
    held = Meeting.objects.filter(
        status=MeetingStatus.HELD,
        starts_at__year__gte=years.start,
        starts_at__year__lt=years.stop,
    )
    decided = AgendaItem.objects.filter(
        decided_at__year__gte=years.start, decided_at__year__lt=years.stop
    ).exclude(decision="")
    visible = meetings_visible_to(user)
    return {
        "meetings": per_year(held, year_field="starts_at", group="series__kind", visible=visible),
        "decisions": per_year(
            decided,
            year_field="decided_at",
            group="decision",
            visible=AgendaItem.objects.filter(meeting__in=visible),
        ),
    }
