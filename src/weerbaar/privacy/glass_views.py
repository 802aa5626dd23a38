"""Break the glass (P22): the page where a case officer opens another team's record with a
reason, and the privacy officer's list of openings with the judgement of each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse, visible_get
from weerbaar.audit.constants import AuditAction
from weerbaar.core.forms import attempt, form_submit
from weerbaar.privacy import glass, services
from weerbaar.privacy.forms import BreakForm, JudgeForm
from weerbaar.privacy.models import Judgement

ACTIONS = dict(AuditAction.choices)
# The list's filter in the address, in Dutch as the other filters.
FILTERS = {
    "open": Judgement.OPEN,
    "terecht": Judgement.JUSTIFIED,
    "onterecht": Judgement.UNJUSTIFIED,
    "alle": None,
}


def _may_break(request):
    if not glass.may_break(request.user):
        refuse(user=request.user, label="privacy.emergencyaccess", request=request)


@login_required
@require_http_methods(["GET", "POST"])
def emergency_open(request):
    _may_break(request)
    form = BreakForm(request.POST if request.method == "POST" else None)

    def done(access):
        messages.success(
            request,
            _(
                "You can open %(ref)s until %(time)s. The privacy officer has been told; "
                "end the opening below when you are done."
            )
            % {"ref": access.reference, "time": timezone.localtime(access.until).strftime("%H:%M")},
        )
        return redirect(glass.record_url(access))

    def again(form, status):
        now = timezone.now()
        openings = glass.my_openings(user=request.user)
        context = {
            "form": form,
            "open": [a for a in openings[:50] if a.closes_at > now],
            "past": [a for a in openings[:50] if a.closes_at <= now][:10],
        }
        return render(request, "privacy/emergency_open.html", context, status=status)

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda data: services.glass_break(
            actor=request.user, number=data["number"], reason=data["reason"], request=request
        ),
        done=done,
        again=again,
    )


@login_required
@require_POST
def emergency_end(request, access_id):
    _may_break(request)
    access = visible_get(
        glass.my_openings(user=request.user),
        user=request.user,
        object_id=access_id,
        action=None,
        request=request,
    )
    attempt(
        request,
        lambda: services.glass_end(actor=request.user, access=access),
        _("The opening of %(ref)s has ended.") % {"ref": access.reference},
    )
    return redirect("privacy:emergency")


@login_required
@require_http_methods(["GET"])
def emergency_list(request):
    if not glass.may_judge(request.user):
        refuse(user=request.user, label="privacy.emergencyaccess", request=request)
    name = request.GET.get("filter", "open")
    name = name if name in FILTERS else "open"
    rows = glass.emergency_list(user=request.user, judgement=FILTERS[name])
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    context = {"page": page, "filter": name, "query": f"filter={name}", "filters": FILTERS}
    return render(request, "privacy/emergency_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def emergency_detail(request, access_id):
    access = glass.emergency_get(user=request.user, access_id=access_id, request=request)
    initial = {"judgement": access.judgement, "note": access.judgement_note}
    form = JudgeForm(request.POST if request.method == "POST" else None, initial=initial)

    def done(judged):
        messages.success(request, _("Your judgement of %(ref)s is recorded.") % {"ref": judged})
        return redirect("privacy:openings")

    def again(form, status):
        context = {
            "access": access,
            "form": form,
            "reads": [
                (r, ACTIONS.get(r.action, r.action)) for r in glass.reads_under(access)[:200]
            ],
        }
        return render(request, "privacy/emergency_detail.html", context, status=status)

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda data: services.glass_judge(actor=request.user, access=access, **data),
        done=done,
        again=again,
    )
