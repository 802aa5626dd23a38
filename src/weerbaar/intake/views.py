import secrets
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse
from weerbaar.accounts.selectors import team_list
from weerbaar.core import reauth
from weerbaar.core.forms import attempt, form_submit
from weerbaar.core.http import is_htmx, sandboxed_download
from weerbaar.intake import receipts, selectors, services, storage
from weerbaar.intake.constants import PARTNER_PERMISSION
from weerbaar.intake.forms import (
    FeedbackForm,
    FollowUpForm,
    InternalReportForm,
    MMAImportForm,
    PartnerReportForm,
    PublicReportForm,
    ReplyForm,
    ReplyTextForm,
)
from weerbaar.signals.constants import CHANGE_PERMISSION as SEND_PERMISSION
from weerbaar.signals.constants import Channel
from weerbaar.subjects import selectors as subject_selectors


def public_page(view):
    """Pages for anonymous reporters: no referrer onwards, nothing kept in any cache, and no
    cookie at all, not even a CSRF token: there is no session to protect, and the policy of
    no referrer makes browsers send "Origin: null", which Django's CSRF check refuses."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


_ALREADY_SENT = gettext_lazy(
    "This form has been sent already. If you did not get a receipt code, open the form "
    "again and send your report once more."
)
REFUSED_MESSAGES = {
    services.Refused.BUSY: gettext_lazy("It is very busy right now. Please try again in a minute."),
    services.Refused.USED: _ALREADY_SENT,
    services.Refused.CONFLICT: _ALREADY_SENT,
    services.Refused.IN_PROGRESS: gettext_lazy(
        "Your report is still being sent. Wait a moment and send the form again."
    ),
}


@public_page
@require_http_methods(["GET", "POST"])
def report_form(request):
    bound = request.method == "POST"
    form = PublicReportForm(request.POST if bound else None, request.FILES if bound else None)
    if request.method == "POST" and form.is_valid():
        try:
            receipt = services.report_submit_public(**form.report_fields())
        except services.Refused as refused:
            form.add_error(None, REFUSED_MESSAGES[refused.reason])
        else:
            # The secret is not stored anywhere in clear; a retry of this very form (same
            # key, same content) shows it again, derived from the key (docs/reporting-point.md).
            return render(
                request,
                "intake/receipt.html",
                {
                    "code": receipts.format_code(receipt.code),
                    "secret": receipt.secret,
                    "retried": receipt.retried,
                },
            )
    return render(request, "intake/report_form.html", {"form": form})


def _open(form):
    try:
        report = selectors.report_open(
            code=form.cleaned_data["code"], secret=form.cleaned_data["secret"]
        )
    except selectors.Throttled:
        form.add_error(None, _("Too many attempts. Wait 15 minutes and try again."))
        return None
    if report is None:
        services.follow_up_refused()
        form.add_error(None, _("We do not know this combination of receipt code and secret."))
    return report


@public_page
@require_http_methods(["GET", "POST"])
def follow_up(request):
    reply = "text" in request.POST
    form = (ReplyForm if reply else FollowUpForm)(request.POST or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = _open(form)
    elif reply and request.method == "POST":
        # The answer is invalid; still show the dialogue if code and secret are right.
        login = FollowUpForm(request.POST)
        report = _open(login) if login.is_valid() else None
    if report is None:
        return render(request, "intake/follow_up_login.html", {"form": form})
    if reply and form.is_valid():
        data = form.cleaned_data
        services.reporter_message_add(report=report, text=data["text"], key=data["key"])
        # Post/redirect/get: reloading the answer page does not send the message again.
        return redirect("intake:follow_up_sent", permanent=False)
    services.report_opened(report=report)
    if not reply:
        form = ReplyForm(initial={**form.cleaned_data, "key": secrets.token_urlsafe(24)})
    return render(
        request,
        "intake/follow_up.html",
        {"form": form, "view": selectors.reporter_view(report=report)},
    )


@public_page
@require_http_methods(["GET"])
def follow_up_sent(request):
    """After a reporter's message: said so, with the way back to the dialogue (code and
    secret again: nothing on this page or in its address opens the report)."""
    return render(request, "intake/follow_up_sent.html", {"form": FollowUpForm()})


@login_required
@require_http_methods(["GET", "POST"])
def dialogue(request, signal_id):
    signal, reports = selectors.staff_dialogue(
        user=request.user, signal_id=signal_id, request=request
    )
    may_send = request.user.has_perm(SEND_PERMISSION)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST":
        if not may_send:
            raise Http404
        if form.is_valid() and reports:
            for report in reports:
                services.feedback_send(
                    actor=request.user,
                    report=report,
                    text=form.cleaned_data["text"],
                    is_question=form.cleaned_data["is_question"],
                )
            return redirect("signals:detail", signal_id=signal.uuid)
    template = "intake/partials/dialogue.html" if is_htmx(request) else "intake/dialogue.html"
    confirmed = reauth.recent(request)
    return render(
        request,
        template,
        {
            "signal": signal,
            "reports": reports,
            "standard_texts": selectors.standard_texts(),
            "rows": [
                (
                    report,
                    selectors.reporter_label(report=report, user=request.user, confirmed=confirmed),
                    list(selectors.reveal_pending(report=report)),
                    selectors.reveal_needs_confirmation(
                        report=report, user=request.user, confirmed=confirmed
                    ),
                )
                for report in reports
            ],
            "form": form,
            "may_send": may_send,
        },
    )


def _staff_form(request, *, form_class, channel, title, **form_kwargs):
    bound = request.method == "POST"
    form = form_class(
        request.POST if bound else None, request.FILES if bound else None, **form_kwargs
    )
    if request.method == "POST" and form.is_valid():
        services.report_submit_staff(actor=request.user, channel=channel, **form.cleaned_data)
        messages.success(
            request, _("Thank you. Your report has been received; you find it under My reports.")
        )
        return redirect("intake:my_reports")
    return render(request, "intake/staff_report_form.html", {"form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def internal_report(request):
    teams = [t.name for t in team_list(user=request.user)]
    return _staff_form(
        request,
        form_class=InternalReportForm,
        channel=Channel.INTERNAL,
        title=_("Internal reporting point"),
        teams=teams,
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_report(request):
    if not request.user.has_perm(PARTNER_PERMISSION):
        raise Http404
    return _staff_form(
        request,
        form_class=PartnerReportForm,
        channel=Channel.PARTNER,
        title=_("Signal from a partner"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_reports(request):
    form = ReplyTextForm(request.POST or None)
    if request.method == "POST":
        report = selectors.my_report_get(user=request.user, report_id=request.POST.get("report"))
        if form.is_valid():
            services.staff_reply_add(
                actor=request.user, report=report, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Your message has been sent. Thank you."))
            return redirect("intake:my_reports")
    page = Paginator(selectors.my_reports(user=request.user), 20).get_page(
        request.GET.get("pagina")
    )
    rows = [(r, selectors.reporter_view(report=r)) for r in page.object_list]
    return render(request, "intake/my_reports.html", {"page": page, "rows": rows, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def mma_import(request):
    if not request.user.has_perm(SEND_PERMISSION):
        raise Http404
    bound = request.method == "POST"
    form = MMAImportForm(request.POST if bound else None, request.FILES if bound else None)

    def done(report):
        messages.success(
            request, _("MMA report %(ref)s imported.") % {"ref": report.partner_reference}
        )
        return redirect("signals:detail", signal_id=report.signal.uuid)

    if bound:
        return form_submit(
            form,
            lambda d: services.report_import_mma(actor=request.user, mma=d["mma"]),
            done=done,
            again=lambda form, status: _mma_page(request, form, status),
        )
    return _mma_page(request, form, 200)


def _mma_page(request, form, status):
    return render(request, "intake/mma_import.html", {"form": form}, status=status)


@login_required
@require_POST
def reveal(request, report_id):
    """Ask (with a reason), approve or refuse seeing who made a shielded report."""
    if not request.user.has_perm(SEND_PERMISSION):
        raise Http404
    report = selectors.staff_report_get(user=request.user, report_id=report_id, request=request)
    pending = selectors.reveal_pending(report=report).exclude(requested_by=request.user).first()
    pending = pending or selectors.reveal_pending(report=report).first()
    decision = _reveal_decision(request.POST)
    if decision and pending and not _confirmed(request, decision[0]):
        messages.error(request, _("Confirm that the reason needs the reporter's name."))
    elif decision and pending:
        attempt(request, lambda: decision[0](actor=request.user, request=pending), decision[1])
    else:
        attempt(
            request,
            lambda: services.reveal_request(
                actor=request.user, report=report, reason=request.POST.get("reason", "")
            ),
            _("Your request has been recorded; a second colleague must approve it."),
        )
    if request.POST.get("back") == "list":
        return redirect("intake:reveals")
    return redirect("intake:dialogue", signal_id=report.signal.uuid)


def _confirmed(request, decide) -> bool:
    # Approving cannot be undone: the colleague who asked sees the name from then on.
    return decide is not services.reveal_approve or bool(request.POST.get("confirm"))


def _reveal_decision(data):
    if data.get("approve"):
        return services.reveal_approve, _(
            "Approved. Only the colleague who asked now sees the name."
        )
    if data.get("refuse"):
        return services.reveal_refuse, _("Refused. The reporter stays shielded.")
    return None


@login_required
@require_http_methods(["GET"])
def reveals(request):
    """Requests to reveal a shielded reporter that wait for a second person like the user."""
    if not request.user.has_perm(SEND_PERMISSION):
        refuse(user=request.user, label="reveal_requests", request=request)
    page = Paginator(selectors.reveals_to_approve(user=request.user), 25).get_page(
        request.GET.get("pagina")
    )
    return render(request, "intake/reveals.html", {"page": page, "query": ""})


@login_required
@require_http_methods(["GET"])
def attachment(request, attachment_id):
    """A cleaned attachment, only for those who may see its signal; always as a download."""
    item = selectors.attachment_get(user=request.user, attachment_id=attachment_id, request=request)
    return sandboxed_download(
        storage.path_for(item.uuid), filename=item.file_name, content_type=item.content_type
    )


@public_page
@require_http_methods(["GET"])
def address_suggestions(request):
    """Addresses from the municipality's own registry for the public form (JSON)."""
    found = subject_selectors.address_suggestions(query=request.GET.get("q", ""))
    return JsonResponse({"addresses": [s.label for s in found]})
