"""Pages of the address checks (BRP): the list with filters, planning one, recording one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse
from weerbaar.core.forms import form_submit
from weerbaar.inspections import selectors, services
from weerbaar.inspections.constants import (
    CHECKS_CHANGE_PERMISSION,
    CHECKS_PLAN_PERMISSION,
    CheckOutcome,
)
from weerbaar.inspections.forms import CheckPlanForm, CheckRecordForm
from weerbaar.inspections.planning_views import origin_initial

OPEN = "open"


@login_required
@require_http_methods(["GET"])
def check_list(request):
    if not selectors.may_see_checks(request.user):
        refuse(user=request.user, label="address_checks", request=request)
    outcome = request.GET.get("uitkomst", "")
    outcome = outcome if outcome in (*CheckOutcome.values, OPEN) else ""
    query = request.GET.get("q", "").strip()[:100]
    rows = selectors.check_list(
        user=request.user,
        outcome="" if outcome == OPEN else outcome,
        open_only=outcome == OPEN,
        query=query,
    )
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "inspections/checks.html",
        {
            "page": page,
            "query": urlencode({k: v for k, v in (("uitkomst", outcome), ("q", query)) if v}),
            "outcome": outcome,
            "q": query,
            "outcomes": CheckOutcome.choices,
            "may_plan": request.user.has_perm(CHECKS_PLAN_PERMISSION),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def check_plan(request):
    if not request.user.has_perm(CHECKS_PLAN_PERMISSION):
        refuse(user=request.user, label="address_checks.plan", request=request)
    initial = origin_initial(request) if request.method == "GET" else {}
    form = CheckPlanForm(request.POST or None, user=request.user, initial=initial)

    def done(check):
        messages.success(request, _("The address check has been planned."))
        return redirect("inspections:check_detail", check_id=check.uuid)

    def again(form, status):
        return render(request, "inspections/check_plan.html", {"form": form}, status=status)

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form, lambda data: services.check_plan(actor=request.user, **data), done=done, again=again
    )


def _detail(request, check, form=None, status=200):
    may_record = request.user.has_perm(CHECKS_CHANGE_PERMISSION) and not check.outcome
    context = {
        "check": check,
        "persons": check.persons.all(),
        "may_record": may_record,
        "form": form or (CheckRecordForm(user=request.user, check=check) if may_record else None),
    }
    return render(request, "inspections/check_detail.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def check_detail(request, check_id):
    check = selectors.check_get(user=request.user, check_id=check_id, request=request)
    return _detail(request, check)


@login_required
@require_POST
def check_record(request, check_id):
    check = selectors.check_get(
        user=request.user,
        check_id=check_id,
        request=request,
        audit=False,
        allowed=request.user.has_perm(CHECKS_CHANGE_PERMISSION),
    )
    form = CheckRecordForm(request.POST, user=request.user, check=check)

    def done(_check):
        messages.success(request, _("The outcome of the address check has been recorded."))
        return redirect("inspections:check_detail", check_id=check.uuid)

    return form_submit(
        form,
        lambda data: services.check_record(actor=request.user, check=check, **data),
        done=done,
        again=lambda form, status: _detail(request, check, form, status),
    )
