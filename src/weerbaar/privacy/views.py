"""The FG's and the beheerder's retention page: terms in force, holds, the register and
the trial run."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from weerbaar.accounts.lookup import refuse
from weerbaar.core.forms import form_submit
from weerbaar.privacy import selectors, services
from weerbaar.privacy.forms import HoldForm, LiftForm

# Labels listed per kind on the trial run's page; the count is always complete.
PLAN_LABELS = 200


def _page(request, *, hold_form=None, plan=None, status=200):
    overview = selectors.retention_overview(user=request.user, request=request)
    register = Paginator(overview["register"], 25).get_page(request.GET.get("pagina"))
    context = {
        **overview,
        "register": register,
        "page": register,
        "may_hold": selectors.may_hold(request.user),
        "hold_form": hold_form or HoldForm(),
        "lift_form": LiftForm(),
        "plan": plan,
        "plan_total": sum(p.count for p in plan) if plan else 0,
        "plan_labels": PLAN_LABELS,
    }
    return render(request, "privacy/retention.html", context, status=status)


@login_required
@require_GET
def retention(request):
    return _page(request)


def _require_hold(request) -> None:
    if not selectors.may_hold(request.user):
        refuse(user=request.user, label="retention", request=request)


@login_required
@require_POST
def dry_run(request):
    """List what the daily job would remove today, without removing anything."""
    _require_hold(request)
    plan = services.retention_plan(actor=request.user, limit=PLAN_LABELS)
    return _page(request, plan=plan)


@login_required
@require_POST
def hold_add(request):
    _require_hold(request)

    def done(hold):
        messages.success(request, _("The hold is placed; the record stays until it is lifted."))
        return redirect("privacy:retention")

    return form_submit(
        HoldForm(request.POST),
        lambda data: services.hold_place(actor=request.user, **data),
        done=done,
        again=lambda form, status: _page(request, hold_form=form, status=status),
    )


@login_required
@require_POST
def hold_lift(request, hold_id):
    hold = selectors.hold_get(user=request.user, hold_id=hold_id, request=request)
    form = LiftForm(request.POST)

    def done(_hold):
        messages.success(request, _("The hold is lifted; the record's own term applies again."))
        return redirect("privacy:retention")

    def again(form, status):
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("privacy:retention")

    return form_submit(
        form,
        lambda data: services.hold_lift(actor=request.user, hold=hold, **data),
        done=done,
        again=again,
    )
