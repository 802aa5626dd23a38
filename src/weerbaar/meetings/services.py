"""Public API of the meetings app for writes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.accounts.services import notify
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.meetings import decisions
from weerbaar.meetings.constants import Decision, MeetingStatus

# Corrections and partners' contributions are their own modules; this stays the app's write API.
from weerbaar.meetings.contributions import contribution_add as contribution_add
from weerbaar.meetings.contributions import contribution_share as contribution_share
from weerbaar.meetings.corrections import decision_correct as decision_correct
from weerbaar.meetings.models import ActionPoint, AgendaItem, Meeting, MeetingSeries
from weerbaar.signals.constants import ALLOWED, SignalStatus, WeighingPhase
from weerbaar.signals.services import signal_set_status, weighing_passed


@transaction.atomic
def series_create(
    *, actor: User, name: str, kind: str, interval_weeks: int, participants
) -> MeetingSeries:
    series = MeetingSeries(name=name.strip(), kind=kind, interval_weeks=interval_weeks)
    series.full_clean()
    series.save()
    series.participants.set(participants)
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_PLANNED,
        obj=series,
        new={"name": series.name, "kind": kind, "participants": [p.pk for p in participants]},
    )
    return series


@transaction.atomic
def meeting_plan(
    *, actor: User, series: MeetingSeries, starts_at, location: str = "", guests=()
) -> Meeting:
    meeting = Meeting.objects.create(series=series, starts_at=starts_at, location=location.strip())
    meeting.guests.set(guests)
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_PLANNED,
        obj=meeting,
        new={"starts_at": starts_at, "guests": [g.pk for g in guests]},
    )
    return meeting


def _editable(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("This meeting has been held; its agenda can no longer change."))


def _agenda_changed(actor: User, meeting, **new):
    audit_record(actor=actor, action=AuditAction.MEETING_AGENDA_CHANGED, obj=meeting, new=new)


@transaction.atomic
def agenda_add(*, actor: User, meeting: Meeting, signals_with_reason) -> int:
    """Add signals (with why: ``new`` or ``running``) at the end of the agenda."""
    _editable(meeting)
    last = meeting.items.aggregate(m=Max("position"))["m"] or 0
    on_agenda = set(meeting.items.values_list("signal_id", flat=True))
    added = []
    for signal, reason in signals_with_reason:
        if signal.pk in on_agenda:
            continue
        last += 1
        added.append(AgendaItem(meeting=meeting, signal=signal, position=last, reason=reason))
        on_agenda.add(signal.pk)
    AgendaItem.objects.bulk_create(added)
    if added:
        _agenda_changed(actor, meeting, added=[str(i.signal.uuid) for i in added])
    return len(added)


@transaction.atomic
def agenda_remove(*, actor: User, item: AgendaItem) -> None:
    _editable(item.meeting)
    if item.decision:
        raise ValidationError(_("An item with a decision stays on the agenda."))
    item.delete()
    _agenda_changed(actor, item.meeting, removed=str(item.signal.uuid))


@transaction.atomic
def agenda_move(*, actor: User, item: AgendaItem, up: bool) -> None:
    """Swap the item with its neighbour; positions are renumbered 1..n to stay tidy."""
    _editable(item.meeting)
    items = list(item.meeting.items.select_for_update().order_by("position", "id"))
    index = next(i for i, row in enumerate(items) if row.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, row in enumerate(items, start=1):
        row.position = position
    AgendaItem.objects.bulk_update(items, ["position"])
    _agenda_changed(actor, item.meeting, order=[str(r.uuid) for r in items])


@transaction.atomic
def item_share(*, actor: User, item: AgendaItem, shared: bool, legal_basis: str = "") -> None:
    """Share an item with the LIO partners, or take the share back (P21: logged). Sharing
    needs a passing weighing of the sharing phase on the signal and a legal basis, both
    recorded with the share (P20)."""
    basis = legal_basis.strip()
    if shared:
        if not item.meeting.is_lio:
            raise ValidationError(_("Only items of an LIO can be shared with partners."))
        if not weighing_passed(signal=item.signal, phase=WeighingPhase.SHARING):
            raise ValidationError(
                _(
                    "Record on the signal first that sharing it with the partners is "
                    "necessary and proportionate (the weighing before sharing)."
                )
            )
        if not basis:
            raise ValidationError(
                {"legal_basis": _("State the legal basis of the share, e.g. the LIO covenant.")}
            )
    item.shared_with_partners = shared
    item.share_basis = basis if shared else ""
    item.save(update_fields=["shared_with_partners", "share_basis"])
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_AGENDA_CHANGED,
        obj=item.signal,
        purpose=_("Discussion in the LIO") if shared else "",
        new={
            "meeting": str(item.meeting.uuid),
            "shared_with_partners": shared,
            "legal_basis": item.share_basis,
        },
    )


@transaction.atomic
def agenda_send(*, actor: User, meeting: Meeting) -> int:
    """Send the agenda to the inbox of every participant and guest."""
    _editable(meeting)
    if not meeting.items.exists():
        raise ValidationError(_("The agenda is empty; add items before sending it."))
    people = [*meeting.series.participants.all(), *meeting.guests.all()]
    text = _("Agenda for %(series)s on %(day)s") % {
        "series": meeting.series.name,
        "day": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M"),
    }
    count = notify(users=people, text=text, url=reverse("meetings:detail", args=[meeting.uuid]))
    meeting.status, meeting.agenda_sent_at = MeetingStatus.AGENDA_SENT, timezone.now()
    meeting.save(update_fields=["status", "agenda_sent_at"])
    audit_record(
        actor=actor, action=AuditAction.MEETING_AGENDA_SENT, obj=meeting, new={"recipients": count}
    )
    return count


@transaction.atomic
def item_notes(*, actor: User, item: AgendaItem, notes: str) -> None:
    item.notes = notes.strip()
    item.save(update_fields=["notes"])
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_NOTES,
        obj=item.signal,
        new={"meeting": str(item.meeting.uuid)},
    )


def _move_signal(actor: User, signal, decision: str, reason: str) -> None:
    """Carry the decision over into the signal's own status flow."""
    if SignalStatus.DECIDED in ALLOWED[SignalStatus(signal.status)]:
        signal = signal_set_status(actor=actor, signal=signal, status=SignalStatus.DECIDED)
    follow = {Decision.NO_ACTION: SignalStatus.CLOSED, Decision.ENRICH: SignalStatus.IN_PROGRESS}
    step = follow.get(decision)
    if step and step in ALLOWED[SignalStatus(signal.status)]:
        signal_set_status(actor=actor, signal=signal, status=step, reason=reason)


@transaction.atomic
def item_decide(
    *,
    actor: User,
    item: AgendaItem,
    decision: str,
    decision_text: str = "",
    hand_over_to: str = "",
    case_type=None,
) -> AgendaItem:
    """Record the meeting's decision on an item. "Open a case" opens it, of ``case_type``,
    with the signal's subjects; it needs the signal's case-phase privacy weighing."""
    item = AgendaItem.objects.select_for_update().select_related("meeting__series").get(pk=item.pk)
    if item.decision:
        raise ValidationError(_("A decision on this item has already been recorded."))
    if decision == Decision.HAND_OVER and not hand_over_to.strip():
        raise ValidationError({"hand_over_to": _("Say which partner takes it over.")})
    signal = item.signal
    if decision == Decision.OPEN_CASE:
        decisions.open_case(actor, item, case_type)
    reason = _("Decision of %(meeting)s: %(decision)s") % {
        "meeting": item.meeting,
        "decision": Decision(decision).label,
    }
    _move_signal(actor, signal, decision, f"{reason}. {decision_text}".strip())
    decisions.store(
        item, actor=actor, decision=decision, text=decision_text, hand_over_to=hand_over_to
    )
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_DECIDED,
        obj=signal,
        purpose=item.decision_text,
        new={
            "meeting": str(item.meeting.uuid),
            "decision": decision,
            "hand_over_to": hand_over_to,
            "case": str(item.case.uuid) if item.case else "",
        },
    )
    return item


@transaction.atomic
def action_add(*, actor: User, item: AgendaItem, description: str, owner, due_on) -> ActionPoint:
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": _("The due date lies in the past.")})
    action = ActionPoint(item=item, description=description.strip(), owner=owner, due_on=due_on)
    action.full_clean()
    action.save()
    notify(
        users=[owner],
        text=_("Action point for you on signal %(signal)s, due %(day)s: %(text)s")
        % {
            "signal": item.signal.reference,
            "day": due_on.strftime("%d-%m-%Y"),
            "text": action.description,
        },
        url=reverse("meetings:actions"),
        kind="action_assigned",
        target=item.signal.reference,
    )
    audit_record(
        actor=actor,
        action=AuditAction.ACTION_POINT_ADDED,
        obj=item.signal,
        new={"action": str(action.uuid), "owner": owner.pk, "due_on": due_on},
    )
    return action


@transaction.atomic
def action_done(*, actor: User, action: ActionPoint) -> ActionPoint:
    if action.done_on is None:
        action.done_on = timezone.localdate()
        action.save(update_fields=["done_on"])
        audit_record(
            actor=actor,
            action=AuditAction.ACTION_POINT_DONE,
            obj=action.item.signal,
            new={"action": str(action.uuid)},
        )
    return action


@transaction.atomic
def meeting_held(*, actor: User, meeting: Meeting, undecided_seen: bool = False) -> Meeting:
    """Close the meeting: the minutes are final and the agenda can no longer change. Only
    from the meeting's day on, and with items still without a decision only when the closer
    has seen which (``undecided_seen``)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("This meeting has been closed already."))
    day = timezone.localtime(meeting.starts_at).date()
    if day > timezone.localdate():
        raise ValidationError(
            _("This meeting is on %(day)s; it can be closed from that day on.")
            % {"day": date_format(day, "j F Y")}
        )
    if meeting.items.filter(decision="").exists() and not undecided_seen:
        raise ValidationError(
            _("Some items have no decision yet. Confirm that you close the meeting without one.")
        )
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status"])
    audit_record(actor=actor, action=AuditAction.MEETING_HELD, obj=meeting)
    return meeting
