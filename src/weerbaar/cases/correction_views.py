"""Pages that correct a case: reopen it, its title and team, correct or remove a note,
change a subject's role or unlink it. Removing and unlinking ask for confirmation on a page
of their own, so it works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse, visible_get
from weerbaar.cases import services
from weerbaar.cases.forms import (
    NoteEditForm,
    RemoveForm,
    ReopenForm,
    SubjectLinkForm,
    TeamForm,
    TitleForm,
)
from weerbaar.cases.views import _changeable, _run
from weerbaar.core.forms import attempt, form_submit
from weerbaar.subjects import selectors as subjects


def _done(request, case, message):
    messages.success(request, message)
    return redirect("cases:detail", case_id=case.uuid)


@login_required
@require_POST
def reopen(request, case_id):
    case = _changeable(request, case_id)
    return _run(
        request,
        case,
        "reopen",
        ReopenForm(request.POST),
        lambda d: services.case_reopen(actor=request.user, case=case, **d),
        _("The case has been reopened."),
    )


@login_required
@require_POST
def retitle(request, case_id):
    case = _changeable(request, case_id)
    return _run(
        request,
        case,
        "title",
        TitleForm(request.POST),
        lambda d: services.case_retitle(actor=request.user, case=case, **d),
        _("The title has been changed."),
    )


@login_required
@require_POST
def team_set(request, case_id):
    case = _changeable(request, case_id, governs=True)
    return _run(
        request,
        case,
        "team",
        TeamForm(request.POST),
        lambda d: services.case_team_set(actor=request.user, case=case, **d),
        _("The case now belongs to the new team."),
    )


def _note(request, case, note_id):
    """The note of ``case`` the user may correct; Http404 otherwise, audited as refused."""
    notes = case.notes.filter(removed_at__isnull=True).select_related("case")
    note = visible_get(notes, user=request.user, object_id=note_id, action=None, request=request)
    if not services.may_correct_note(user=request.user, note=note):
        refuse(user=request.user, label="cases.note", object_id=note_id, request=request)
    return note


@login_required
@require_POST
def note_edit(request, case_id):
    case = _changeable(request, case_id)
    note = _note(request, case, request.POST.get("note", ""))
    return _run(
        request,
        case,
        "note_edit",
        NoteEditForm(request.POST),
        lambda d: services.note_edit(actor=request.user, note=note, text=d["text"], seen=d["seen"]),
        _("The note has been corrected."),
    )


def _confirm_page(request, case, form, *, what, text, action, button, hidden, status):
    context = {
        "form": form,
        "what": what,
        "text": text,
        "action": action,
        "button": button,
        "hidden_fields": hidden,
        "back": reverse("cases:detail", args=[case.uuid]),
    }
    return render(request, "signals/confirm.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def note_remove(request, case_id):
    """The confirmation page (``?notitie=<id>``), then the removal."""
    case = _changeable(request, case_id)
    note = _note(request, case, request.POST.get("note") or request.GET.get("notitie", ""))
    form = RemoveForm(request.POST or None)

    def again(form, status):
        return _confirm_page(
            request,
            case,
            form,
            what=_("Remove this note from case %(ref)s?") % {"ref": case.reference},
            text=note.text,
            action=reverse("cases:note_remove", args=[case.uuid]),
            button=_("Remove the note"),
            hidden=[("note", note.uuid)],
            status=status,
        )

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda d: services.note_remove(actor=request.user, note=note, reason=d["reason"]),
        done=lambda _r: _done(request, case, _("The note has been removed.")),
        again=again,
    )


@login_required
@require_POST
def subject_role(request, case_id):
    case = _changeable(request, case_id)
    form = SubjectLinkForm(request.POST)
    if not form.is_valid():
        raise Http404
    subject = subjects.subject_get(
        user=request.user, subject_id=form.cleaned_data["subject"], request=request
    )
    attempt(
        request,
        lambda: services.case_subject_role_set(
            actor=request.user, case=case, subject=subject, role=form.cleaned_data["role"]
        ),
        _("The role of %(label)s has been changed.") % {"label": subject.label},
    )
    return redirect("cases:detail", case_id=case.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def subject_unlink(request, case_id):
    """The confirmation page (``?subject=<id>``), then the unlinking."""
    case = _changeable(request, case_id)
    subject_id = request.POST.get("subject") or request.GET.get("subject", "")
    subject = subjects.subject_get(user=request.user, subject_id=subject_id, request=request)
    if case.is_closed or not case.subject_links.filter(subject=subject).exists():
        refuse(user=request.user, label="cases.casesubject", object_id=subject_id, request=request)
    form = RemoveForm(request.POST or None)
    form.fields["confirm"].label = _("Yes, unlink it from this case")
    form.fields["confirm"].error_messages["required"] = _("Confirm the unlinking.")
    form.fields["reason"].label = _("Reason")

    def again(form, status):
        return _confirm_page(
            request,
            case,
            form,
            what=_("Unlink %(label)s from case %(ref)s?")
            % {"label": subject.label, "ref": case.reference},
            text="",
            action=reverse("cases:subject_unlink", args=[case.uuid]),
            button=_("Unlink"),
            hidden=[("subject", subject.uuid)],
            status=status,
        )

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda d: services.case_unlink_subject(
            actor=request.user, case=case, subject=subject, reason=d["reason"]
        ),
        done=lambda _r: _done(
            request, case, _("%(label)s has been unlinked.") % {"label": subject.label}
        ),
        again=again,
    )
