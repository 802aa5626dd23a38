"""The FG's pages for the requests of data subjects: the list, a new request with the search
for the person, the overview of every record with who read it, the decisions per record, and
the copy for the person as a PDF."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from weerbaar.accounts.lookup import refuse
from weerbaar.core import pdf, reauth
from weerbaar.core.forms import form_submit
from weerbaar.core.http import sandboxed_bytes
from weerbaar.privacy import selectors, services
from weerbaar.privacy.forms import (
    AnnotationForm,
    AnswerForm,
    ClearForm,
    ExtendForm,
    LiftRestrictionForm,
    RequestForm,
    RestrictForm,
    WithholdForm,
)
from weerbaar.subjects.selectors import subject_search_all

STATES = {"open", "answered", "all"}
# The page holds several forms with a field of the same name: each its own ids.
AUTO_IDS = {
    ExtendForm: "extend_%s",
    AnswerForm: "answer_%s",
    RestrictForm: "restrict_%s",
    LiftRestrictionForm: "lift_%s",
}


@login_required
@require_GET
def request_list(request):
    state = request.GET.get("status", "open")
    state = state if state in STATES else "open"
    query = request.GET.get("q", "")
    rows = selectors.requests_list(user=request.user, query=query, state=state, request=request)
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    context = {
        "page": page,
        "state": state,
        "q": query,
        "query": urlencode({"q": query, "status": state}),
        "today": timezone.localdate(),
    }
    return render(request, "privacy/requests.html", context)


def _require_handle(request) -> None:
    if not selectors.may_handle(request.user):
        refuse(user=request.user, label="data requests", request=request)


def _new_page(request, *, form=None, status=200):
    query = request.GET.get("q", "").strip()
    hits = []
    if query:
        hits = subject_search_all(
            user=request.user,
            query=query,
            allowed=True,
            purpose=_("request of a data subject"),
            request=request,
        )
    form = form or RequestForm(initial={"received_on": timezone.localdate()})
    context = {"form": form, "query": query, "hits": hits}
    return render(request, "privacy/request_new.html", context, status=status)


@login_required
def request_new(request):
    _require_handle(request)
    if request.method != "POST":
        return _new_page(request)

    def done(created):
        messages.success(
            request, _("The request is recorded; its term is on the deadline overview.")
        )
        return redirect("privacy:request", request_id=created.uuid)

    return form_submit(
        RequestForm(request.POST),
        lambda data: services.request_open(actor=request.user, **data),
        done=done,
        again=lambda form, status: _new_page(request, form=form, status=status),
    )


def _detail(request, data_request, *, bound=None, status=200):
    """The overview; ``bound`` is the submitted form that failed, shown in its place."""
    items = selectors.request_items(data_request)
    key = bound.data.get("record_key") if bound is not None else None
    for n, item in enumerate(items):
        initial = {"record_key": item.record.key}
        item.withhold_form = WithholdForm(initial=initial, auto_id=f"w{n}_%s")
        item.annotation_form = AnnotationForm(initial=initial, auto_id=f"a{n}_%s")
        if key == item.record.key and isinstance(bound, WithholdForm | AnnotationForm):
            name = "withhold_form" if isinstance(bound, WithholdForm) else "annotation_form"
            setattr(item, name, bound)
    forms = {
        "extend_form": ExtendForm(auto_id=AUTO_IDS[ExtendForm]),
        "answer_form": AnswerForm(
            initial={"answered_on": timezone.localdate()}, auto_id=AUTO_IDS[AnswerForm]
        ),
        "restrict_form": RestrictForm(auto_id=AUTO_IDS[RestrictForm]),
        "lift_form": LiftRestrictionForm(auto_id=AUTO_IDS[LiftRestrictionForm]),
    }
    for name, form in forms.items():
        if bound is not None and type(bound) is type(form):
            forms[name] = bound
    context = {
        "data_request": data_request,
        "groups": selectors.grouped(items),
        "withheld": sum(1 for item in items if item.withheld),
        "compartments": sum(1 for item in items if item.record.compartment),
        "restriction": selectors.restriction_current(data_request.subject),
        "clear_form": ClearForm(),
        "today": timezone.localdate(),
        **forms,
    }
    return render(request, "privacy/request.html", context, status=status)


@login_required
@require_GET
def request_detail(request, request_id):
    data_request = selectors.request_get(user=request.user, request_id=request_id, request=request)
    return _detail(request, data_request)


def _submit(request, request_id, form_class, call, success):
    """A decision on the request page: the service's refusal next to its field on the page
    again, its success as a message on the overview."""
    data_request = selectors.request_get(
        user=request.user, request_id=request_id, request=request, audit=False
    )

    def done(_result):
        messages.success(request, success)
        return redirect("privacy:request", request_id=data_request.uuid)

    return form_submit(
        form_class(request.POST, auto_id=AUTO_IDS.get(form_class, "id_%s")),
        lambda data: call(actor=request.user, request=data_request, **data),
        done=done,
        again=lambda form, status: _detail(request, data_request, bound=form, status=status),
    )


@login_required
@require_POST
def request_extend(request, request_id):
    success = _("The term is extended by two months; tell the person why.")
    return _submit(request, request_id, ExtendForm, services.request_extend, success)


@login_required
@require_POST
def request_answer(request, request_id):
    success = _("The request is recorded as answered.")
    return _submit(request, request_id, AnswerForm, services.request_answer, success)


@login_required
@require_POST
def withhold(request, request_id):
    success = _("The record is withheld from the copy, with its ground.")
    return _submit(request, request_id, WithholdForm, services.withholding_set, success)


@login_required
@require_POST
def withhold_clear(request, request_id):
    success = _("The record goes in the copy again.")
    return _submit(request, request_id, ClearForm, services.withholding_clear, success)


@login_required
@require_POST
def annotate(request, request_id):
    success = _("The person's account is recorded beside the disputed fact.")
    return _submit(request, request_id, AnnotationForm, services.annotation_add, success)


@login_required
@require_POST
def restrict(request, request_id):
    success = _("Processing is restricted: the person cannot be linked to new work.")
    return _submit(request, request_id, RestrictForm, services.restriction_place, success)


@login_required
@require_POST
def restriction_lift(request, request_id):
    success = _("The restriction is lifted.")
    return _submit(request, request_id, LiftRestrictionForm, services.restriction_lift, success)


@login_required
@require_GET
def request_copy(request, request_id):
    """The copy for the person as a PDF, after confirming who the FG is again."""
    data_request = selectors.request_get(
        user=request.user, request_id=request_id, request=request, audit=False
    )
    if not reauth.recent(request):
        return reauth.ask(request)
    copy = selectors.request_copy(user=request.user, data_request=data_request, request=request)
    context = {
        "data_request": data_request,
        "groups": selectors.grouped(copy["items"]),
        "grounds": copy["grounds"],
        "activities": copy["activities"],
        "today": timezone.localdate(),
    }
    html = render_to_string("privacy/copy_pdf.html", context, request=request)
    return sandboxed_bytes(
        pdf.render(html),
        filename=f"{data_request.reference}-afschrift.pdf",
        content_type="application/pdf",
    )
