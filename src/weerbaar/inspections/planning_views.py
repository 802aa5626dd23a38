"""The planning page: this year against the targets, the upcoming inspections, the
candidates of every registered source and the list typed in; and the plan forms' start from
an origin (``?van=<kind>&id=<value>``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse
from weerbaar.core.forms import attempt, form_submit
from weerbaar.inspections import candidates, selectors, services
from weerbaar.inspections.constants import CHECKS_PLAN_PERMISSION, PLAN_PERMISSION
from weerbaar.inspections.forms import TypedCandidateForm


def _open_list(request):
    if not selectors.sees_anything(request.user):
        refuse(user=request.user, label="inspections", request=request)


def _planning(request, form=None, status=200):
    user = request.user
    may_plan = user.has_perm(PLAN_PERMISSION)
    return render(
        request,
        "inspections/planning.html",
        {
            "progress": selectors.progress(user=user),
            "upcoming": selectors.upcoming(user=user)[:25],
            "sources": candidates.candidates(user=user),
            "may_plan": may_plan,
            "may_plan_checks": user.has_perm(CHECKS_PLAN_PERMISSION),
            "typed_form": form or (TypedCandidateForm(user=user) if may_plan else None),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def planning(request):
    _open_list(request)
    return _planning(request)


@login_required
@require_POST
def candidate_add(request):
    if not request.user.has_perm(PLAN_PERMISSION):
        refuse(user=request.user, label="inspections.candidates", request=request)

    def done(_candidate):
        messages.success(request, _("The candidate has been added to the list."))
        return redirect("inspections:planning")

    return form_submit(
        TypedCandidateForm(request.POST, user=request.user),
        lambda d: services.typed_candidate_add(actor=request.user, **d),
        done=done,
        again=lambda form, status: _planning(request, form, status),
    )


@login_required
@require_POST
def candidate_remove(request, candidate_id):
    candidate = selectors.typed_candidate_get(
        user=request.user,
        candidate_id=candidate_id,
        request=request,
        allowed=request.user.has_perm(PLAN_PERMISSION),
    )
    attempt(
        request,
        lambda: services.typed_candidate_remove(actor=request.user, candidate=candidate),
        _("The candidate has been removed from the list."),
    )
    return redirect("inspections:planning")


def origin_initial(request) -> dict:
    """The plan form's start from ``?van=<kind>&id=<value>`` (an alert, a signal, a typed
    candidate), through the origins registered in ``candidates``."""
    found = candidates.prefill(
        user=request.user,
        kind=request.GET.get("van", ""),
        value=request.GET.get("id", ""),
        request=request,
    )
    return found.initial() if found else {}
