from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.audit.exports import list_export, offer
from weerbaar.cases import selectors, services
from weerbaar.cases.constants import ADD_PERMISSION, CHANGE_PERMISSION
from weerbaar.cases.correction_context import correction_context
from weerbaar.cases.forms import (
    CaseFilterForm,
    CaseForm,
    CloseForm,
    DocumentForm,
    MemberForm,
    NoteForm,
    RiecForm,
    ShareForm,
    ShareStopForm,
    StatusForm,
    SubjectLinkForm,
    SubjectSearchForm,
    TaskForm,
)
from weerbaar.core import exports, files
from weerbaar.core.exports import Column
from weerbaar.core.forms import attempt, form_submit
from weerbaar.core.http import sandboxed_download
from weerbaar.signals.selectors import signal_get
from weerbaar.subjects import selectors as subjects

# The columns of the list page, in its order; the file has the closing day on its own.
CASE_COLUMNS = [
    Column(gettext_lazy("Number"), lambda c: c.reference),
    Column(gettext_lazy("Opened on"), lambda c: c.opened_on),
    Column(gettext_lazy("Title"), lambda c: c.title),
    Column(gettext_lazy("Case type"), lambda c: c.case_type.name),
    Column(gettext_lazy("Status"), lambda c: c.status),
    Column(gettext_lazy("Closed on"), lambda c: c.closed_on),
    Column(gettext_lazy("Team"), lambda c: c.owner_team.name),
    Column(gettext_lazy("RIEC"), lambda c: c.riec),
]


@login_required
@require_http_methods(["GET"])
def case_list(request):
    if not selectors.may_see_cases(request.user):
        raise Http404
    form = CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    cases = selectors.case_list(user=request.user, **{k: v for k, v in filters.items() if v})
    if exports.wanted(request):
        return list_export(
            request, name="casussen", title=_("Cases"), columns=CASE_COLUMNS, rows=cases
        )
    page = Paginator(cases, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "cases/list.html",
        {
            "page": page,
            "form": form,
            "query": query.urlencode(),
            "may_add": request.user.has_perm(ADD_PERMISSION),
            **offer(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request):
    """A new case, from a signal (``?signal=``) or on its own."""
    if not request.user.has_perm(ADD_PERMISSION):
        raise Http404
    signal_id = request.POST.get("signal") or request.GET.get("signal")
    signal = (
        signal_get(user=request.user, signal_id=signal_id, request=request) if signal_id else None
    )
    initial = {"title": (signal.summary or signal.description[:120]) if signal else ""}
    form = CaseForm(request.POST or None, initial=initial)

    def open_case(data):
        if signal:
            return services.case_open_from_signal(actor=request.user, signal=signal, **data)
        return services.case_open(actor=request.user, **data)

    def done(case):
        messages.success(request, _("The case has been opened."))
        return redirect("cases:detail", case_id=case.uuid)

    def again(form, status):
        context = {"form": form, "signal": signal}
        return render(request, "cases/create.html", context, status=status)

    if request.method == "POST":
        return form_submit(form, open_case, done=done, again=again)
    return again(form, 200)


def _detail(request, case, forms=None, status=200):
    forms = forms or {}
    user = request.user
    may_change = user.has_perm(CHANGE_PERMISSION) and not case.is_closed
    readable = selectors.case_file(user=user, case=case)
    context = {
        "case": case,
        "file": readable.whole,
        "may_change": may_change,
        "subjects": readable.subjects,
        "signals": readable.signals,
        "notes": readable.notes,
        "history": case.history.select_related("changed_by"),
        "tasks": readable.tasks,
        "repeats": readable.repeats,
        "status_form": forms.get("status")
        or StatusForm(case=case, initial={"version": case.version, "status": case.status}),
        "close_form": forms.get("close") or CloseForm(case=case, initial={"version": case.version}),
        "note_form": forms.get("note") or NoteForm(),
        "task_form": forms.get("task") or TaskForm(),
        "riec_form": forms.get("riec")
        or RiecForm(
            initial={
                "riec": case.riec,
                "riec_reference": case.riec_reference,
                "riec_partners": case.riec_partners,
            }
        ),
        "documents": readable.documents,
        "document_form": forms.get("document") or DocumentForm(),
        "share_form": forms.get("share") or ShareForm(),
        "may_govern": may_change and _governs(user, case),
        "shares": selectors.case_shares(case),
        "share_stop_form": forms.get("share_stop"),
        "members": readable.members,
        "member_form": forms.get("member") or MemberForm(),
        "timeline": readable.timeline,
        "today": timezone.localdate(),
        **correction_context(user, case, readable.notes, forms),
    }
    return render(request, "cases/detail.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def case_detail(request, case_id):
    case = selectors.case_get(user=request.user, case_id=case_id, request=request)
    return _detail(request, case)


def _governs(user, case) -> bool:
    return selectors.cases_visible_to(user, emergency=False).filter(pk=case.pk).exists()


def _changeable(request, case_id, *, governs: bool = False):
    """The case to change; ``governs`` for a write that decides who else works on it (its
    team, its members, its shares), which a case opened with a reason does not allow."""
    allowed = request.user.has_perm(CHANGE_PERMISSION)
    if governs and allowed:
        allowed = (
            selectors.cases_visible_to(request.user, emergency=False).filter(uuid=case_id).exists()
        )
    return selectors.case_file_get(
        user=request.user, case_id=case_id, request=request, audit=False, allowed=allowed
    )


def _run(request, case, key, form, call, success):
    """Submit ``form`` to the service; the case page again with the form when it failed."""

    def done(_result):
        messages.success(request, success)
        return redirect("cases:detail", case_id=case.uuid)

    def again(form, status):
        case.refresh_from_db()
        return _detail(request, case, {key: form}, status=status)

    return form_submit(form, call, done=done, again=again)


@login_required
@require_POST
def case_status(request, case_id):
    case = _changeable(request, case_id)
    form = StatusForm(request.POST, case=case)
    return _run(
        request,
        case,
        "status",
        form,
        lambda d: services.case_set_status(actor=request.user, case=case, **d),
        _("The status has been changed."),
    )


@login_required
@require_POST
def case_close(request, case_id):
    case = _changeable(request, case_id)
    form = CloseForm(request.POST, case=case)
    return _run(
        request,
        case,
        "close",
        form,
        lambda d: services.case_close(actor=request.user, case=case, **d),
        _("The case has been closed."),
    )


@login_required
@require_POST
def note_add(request, case_id):
    case = _changeable(request, case_id)
    return _run(
        request,
        case,
        "note",
        NoteForm(request.POST),
        lambda d: services.note_add(actor=request.user, case=case, **d),
        _("The note has been added."),
    )


@login_required
@require_POST
def task_add(request, case_id):
    case = _changeable(request, case_id)
    return _run(
        request,
        case,
        "task",
        TaskForm(request.POST),
        lambda d: services.task_add(actor=request.user, case=case, **d),
        _("The task has been added."),
    )


@login_required
@require_POST
def task_done(request, task_id):
    task = selectors.task_get(user=request.user, task_id=task_id, request=request)
    if task.owner_id != request.user.pk and not request.user.has_perm(CHANGE_PERMISSION):
        raise Http404
    services.task_done(actor=request.user, task=task)
    messages.success(request, _("The task is done."))
    return redirect("cases:detail", case_id=task.case.uuid)


@login_required
@require_POST
def case_riec(request, case_id):
    case = _changeable(request, case_id)
    return _run(
        request,
        case,
        "riec",
        RiecForm(request.POST),
        lambda d: services.case_set_riec(
            actor=request.user,
            case=case,
            riec=d["riec"],
            reference=d["riec_reference"],
            partners=d["riec_partners"],
        ),
        _("The RIEC details have been saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def subject_find(request, case_id):
    case = _changeable(request, case_id)
    form = SubjectSearchForm(request.POST or None)
    hits = None
    if request.method == "POST" and form.is_valid():
        hits = subjects.subject_search(
            user=request.user, query=form.cleaned_data["q"], request=request
        )
    roles = SubjectLinkForm().fields["role"].choices
    return render(
        request,
        "cases/subject_find.html",
        {"case": case, "form": form, "hits": hits, "roles": roles},
    )


@login_required
@require_POST
def subject_link(request, case_id):
    case = _changeable(request, case_id)
    form = SubjectLinkForm(request.POST)
    if not form.is_valid():
        raise Http404
    subject = subjects.subject_get(
        user=request.user, subject_id=form.cleaned_data["subject"], request=request
    )
    attempt(
        request,
        lambda: services.case_link_subject(
            actor=request.user, case=case, subject=subject, role=form.cleaned_data["role"]
        ),
        _("%(label)s has been linked.") % {"label": subject.label},
    )
    return redirect("cases:detail", case_id=case.uuid)


@login_required
@require_POST
def document_upload(request, case_id):
    case = _changeable(request, case_id)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        document = None
        if data["document"]:
            document = case.documents.filter(uuid=data["document"]).first()
            if document is None:
                raise Http404
        services.document_add(
            actor=request.user,
            case=case,
            clean=data["file"],
            title=data["title"],
            kind=data["kind"],
            document=document,
        )
        messages.success(request, _("The document has been stored."))
        return redirect("cases:detail", case_id=case.uuid)
    return _detail(request, case, {"document": form})


@login_required
@require_http_methods(["GET"])
def document_download(request, version_id):
    """A document version, only for readers of its case file; always as a download."""
    version = selectors.document_version_get(
        user=request.user, version_id=version_id, request=request
    )
    return sandboxed_download(
        files.readable_path(services.DOCUMENT_FOLDER, version.uuid),
        filename=version.file_name,
        content_type=version.content_type,
    )


@login_required
@require_POST
def share(request, case_id):
    """Share the case's heading with a partner team (RIEC): logged with purpose and basis."""
    case = _changeable(request, case_id, governs=True)
    return _run(
        request,
        case,
        "share",
        ShareForm(request.POST),
        lambda d: services.case_share(actor=request.user, case=case, **d),
        _("The case has been shared with the partner."),
    )


@login_required
@require_POST
def share_stop(request, case_id):
    """End a share of the case: the partner no longer sees its heading."""
    case = _changeable(request, case_id, governs=True)
    return _run(
        request,
        case,
        "share_stop",
        ShareStopForm(request.POST),
        lambda d: services.case_share_stop(actor=request.user, case=case, share_id=d["share"]),
        _("The sharing has ended."),
    )


@login_required
@require_POST
def member(request, case_id):
    case = _changeable(request, case_id, governs=True)
    return _run(
        request,
        case,
        "member",
        MemberForm(request.POST),
        lambda d: services.member_set(actor=request.user, case=case, **d),
        _("The case team has been changed."),
    )
