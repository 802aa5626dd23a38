from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core import pdf
from weerbaar.core.forms import attempt, form_submit
from weerbaar.meetings import selectors, services
from weerbaar.meetings.constants import MANAGE_PERMISSION, MeetingStatus
from weerbaar.meetings.forms import (
    ActionForm,
    ContributionForm,
    CorrectionForm,
    DecisionForm,
    NotesForm,
    PlanForm,
    SeriesForm,
    next_meeting_initial,
)
from weerbaar.signals.constants import EnrichmentKind, InfoGrade, SourceGrade, Visibility


def _manager(user) -> bool:
    return user.has_perm(MANAGE_PERMISSION)


def _require_manager(user):
    if not _manager(user):
        raise Http404


@login_required
@require_http_methods(["GET"])
def meeting_list(request):
    if not selectors.may_see_meetings(request.user):
        raise Http404
    page = Paginator(selectors.meeting_list(user=request.user), 25).get_page(
        request.GET.get("pagina")
    )
    series = selectors.series_visible_to(request.user).prefetch_related("participants")
    return render(
        request,
        "meetings/list.html",
        {"page": page, "query": "", "series": series, "may_manage": _manager(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def series_create(request):
    _require_manager(request.user)
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.series_create(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The meeting series has been created."))
        return redirect("meetings:list")
    return render(request, "meetings/form.html", {"form": form, "title": _("New meeting series")})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_plan(request, series_id):
    series = selectors.series_get(
        user=request.user, series_id=series_id, request=request, allowed=_manager(request.user)
    )
    form = PlanForm(request.POST or None, initial=next_meeting_initial(series))
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_plan(
            actor=request.user,
            series=series,
            starts_at=form.starts_at(),
            location=form.cleaned_data["location"],
            guests=list(form.cleaned_data["guests"]),
        )
        messages.success(request, _("The meeting has been planned."))
        return redirect("meetings:detail", meeting_id=meeting.uuid)
    title = _("Plan a meeting of %(series)s") % {"series": series.name}
    return render(request, "meetings/form.html", {"form": form, "title": title})


def _detail_context(request, meeting, invalid=None):
    """The meeting page; ``invalid`` is (item, form name, bound form) to show errors in."""
    user = request.user
    manage = _manager(user) and meeting.status != MeetingStatus.HELD
    rows = selectors.agenda(user=user, meeting=meeting)
    for row in rows:
        pk = row["item"].pk
        row["overdue_feedback"] = selectors.feedback_overdue(row["silence"])
        # Ids per item, so the page never repeats an id (WCAG 4.1.1).
        row["notes_form"] = NotesForm(initial={"notes": row["item"].notes}, auto_id=f"n{pk}_%s")
        row["decision_form"] = DecisionForm(auto_id=f"d{pk}_%s")
        row["action_form"] = ActionForm(auto_id=f"a{pk}_%s")
        row["correction_form"] = CorrectionForm(auto_id=f"c{pk}_%s")
        row["contribution_form"] = ContributionForm(auto_id=f"p{pk}_%s")
        if invalid and invalid[0].pk == pk:
            row[invalid[1]] = invalid[2]
            row["open"], row["open_form"] = True, invalid[1]
    return {
        "meeting": meeting,
        "rows": rows,
        "manage": manage,
        "undecided": [row["item"] for row in rows if not row["item"].decision],
        "closable": timezone.localtime(meeting.starts_at).date() <= timezone.localdate(),
        "candidates": selectors.agenda_candidates(user=user, meeting=meeting) if manage else [],
        "source_grades": SourceGrade.choices,
        "info_grades": InfoGrade.choices,
        "kinds": EnrichmentKind.choices,
        "visibilities": Visibility.choices,
    }


@login_required
@require_http_methods(["GET"])
def meeting_detail(request, meeting_id):
    meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id, request=request)
    return render(request, "meetings/detail.html", _detail_context(request, meeting))


def _managed_meeting(request, meeting_id):
    _require_manager(request.user)
    return selectors.meeting_get(
        user=request.user, meeting_id=meeting_id, request=request, audit=False
    )


def _managed_item(request, item_id):
    _require_manager(request.user)
    return selectors.item_get(user=request.user, item_id=item_id, request=request)


def _back(item_or_meeting, anchor=""):
    meeting = getattr(item_or_meeting, "meeting", item_or_meeting)
    response = redirect("meetings:detail", meeting_id=meeting.uuid)
    response["Location"] += f"#{anchor}" if anchor else ""
    return response


@login_required
@require_POST
def agenda_compose(request, meeting_id):
    meeting = _managed_meeting(request, meeting_id)
    chosen = set(request.POST.getlist("signal"))
    rows = [
        (signal, reason)
        for signal, reason in selectors.agenda_candidates(user=request.user, meeting=meeting)
        if str(signal.uuid) in chosen
    ]
    if not rows:
        messages.error(request, _("Choose at least one signal to put on the agenda."))
        return _back(meeting)
    attempt(
        request,
        lambda: services.agenda_add(actor=request.user, meeting=meeting, signals_with_reason=rows),
        _("The agenda has been updated."),
    )
    return _back(meeting, "agenda")


@login_required
@require_POST
def item_remove(request, item_id):
    item = _managed_item(request, item_id)
    attempt(
        request,
        lambda: services.agenda_remove(actor=request.user, item=item),
        _("The item has been taken off the agenda."),
    )
    return _back(item, "agenda")


@login_required
@require_POST
def item_move(request, item_id):
    item = _managed_item(request, item_id)
    up = request.POST.get("direction") == "up"
    attempt(
        request,
        lambda: services.agenda_move(actor=request.user, item=item, up=up),
        _("The order has been changed."),
    )
    return _back(item, f"item-{item.uuid}")


@login_required
@require_POST
def item_share(request, item_id):
    item = _managed_item(request, item_id)
    shared = request.POST.get("shared") == "1"
    basis = request.POST.get("legal_basis", "")[:255]
    done = _("The item is shared with the partners.") if shared else _("The share was withdrawn.")
    attempt(
        request,
        lambda: services.item_share(
            actor=request.user, item=item, shared=shared, legal_basis=basis
        ),
        done,
    )
    return _back(item, f"item-{item.uuid}")


@login_required
@require_POST
def agenda_send(request, meeting_id):
    meeting = _managed_meeting(request, meeting_id)
    attempt(
        request,
        lambda: services.agenda_send(actor=request.user, meeting=meeting),
        _("The agenda has been sent to the participants."),
    )
    return _back(meeting)


@login_required
@require_POST
def item_notes(request, item_id):
    item = _managed_item(request, item_id)
    form = NotesForm(request.POST)
    if form.is_valid():
        services.item_notes(actor=request.user, item=item, notes=form.cleaned_data["notes"])
        messages.success(request, _("The notes have been saved."))
    return _back(item, f"item-{item.uuid}")


def _render_item_errors(request, item, form_name, form, status=200):
    form.auto_id = f"{form_name[0]}{item.pk}_%s"
    context = _detail_context(request, item.meeting, invalid=(item, form_name, form))
    return render(request, "meetings/detail.html", context, status=status)


def _decide(request, item, data) -> None:
    services.item_decide(
        actor=request.user,
        item=item,
        decision=data["decision"],
        decision_text=data["decision_text"],
        hand_over_to=data["hand_over_to"],
        case_type=data["case_type"],
    )
    if data["action"]:
        services.action_add(
            actor=request.user,
            item=item,
            description=data["action"],
            owner=data["owner"],
            due_on=data["due_on"],
        )


def _prompt_feedback(request, signal) -> None:
    silence = selectors.reporter_silence(signal=signal)
    if selectors.feedback_overdue(silence):
        messages.warning(
            request,
            _(
                "The reporter has not heard from us for %(days)s days. Let them know what "
                "happens with their report, on the signal's page."
            )
            % {"days": silence},
        )


def _submit_item(request, item, key, form, call, done):
    """Submit a form of an agenda item; the meeting page again with it when it failed."""
    return form_submit(
        form,
        call,
        done=done,
        again=lambda form, status: _render_item_errors(request, item, key, form, status=status),
    )


@login_required
@require_POST
def item_decide(request, item_id):
    item = _managed_item(request, item_id)
    if item.decision:
        messages.error(request, _("A decision on this item has already been recorded."))
        return _back(item, f"item-{item.uuid}")

    def decide(data):
        with transaction.atomic():
            _decide(request, item, data)

    def done(_result):
        messages.success(request, _("The decision has been recorded."))
        _prompt_feedback(request, item.signal)
        return _back(item, f"item-{item.uuid}")

    return _submit_item(request, item, "decision_form", DecisionForm(request.POST), decide, done)


@login_required
@require_POST
def action_add(request, item_id):
    item = _managed_item(request, item_id)

    def done(_action):
        messages.success(request, _("The action point has been added."))
        return _back(item, f"item-{item.uuid}")

    return _submit_item(
        request,
        item,
        "action_form",
        ActionForm(request.POST),
        lambda d: services.action_add(actor=request.user, item=item, **d),
        done,
    )


@login_required
@require_POST
def action_done(request, action_id):
    action = selectors.action_get(user=request.user, action_id=action_id, request=request)
    services.action_done(actor=request.user, action=action)
    messages.success(request, _("The action point is done."))
    if request.POST.get("back") == "meeting":
        return _back(action.item, f"item-{action.item.uuid}")
    return redirect("meetings:actions")


@login_required
@require_POST
def meeting_close(request, meeting_id):
    meeting = _managed_meeting(request, meeting_id)
    seen = request.POST.get("undecided_seen") == "yes"
    if not attempt(
        request,
        lambda: services.meeting_held(actor=request.user, meeting=meeting, undecided_seen=seen),
        _("The meeting is closed; the minutes are final."),
    ):
        return _back(meeting, "close")
    return redirect("meetings:minutes", meeting_id=meeting.uuid)


def _minutes_context(request, meeting_id):
    meeting = selectors.meeting_get(
        user=request.user, meeting_id=meeting_id, request=request, audit=False
    )
    audit_record(
        actor=request.user, action=AuditAction.MINUTES_VIEWED, obj=meeting, request=request
    )
    return {"meeting": meeting, "rows": selectors.agenda(user=request.user, meeting=meeting)}


@login_required
@require_http_methods(["GET"])
def minutes(request, meeting_id):
    return render(request, "meetings/minutes.html", _minutes_context(request, meeting_id))


@login_required
@require_http_methods(["GET"])
def minutes_pdf(request, meeting_id):
    context = _minutes_context(request, meeting_id)
    html = render_to_string("meetings/minutes_pdf.html", context, request=request)
    response = HttpResponse(pdf.render(html), content_type="application/pdf")
    name = f"verslag-{context['meeting'].starts_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET"])
def actions(request):
    everyone = request.GET.get("alle") == "1"
    open_only = request.GET.get("afgerond") != "1"
    rows = selectors.action_points(user=request.user, open_only=open_only, everyone=everyone)
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "meetings/actions.html",
        {
            "page": page,
            "query": query.urlencode(),
            "everyone": everyone,
            "open_only": open_only,
            "may_see_all": selectors.may_see_all_actions(request.user),
        },
    )
