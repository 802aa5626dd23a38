from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.signals import selectors, services
from weerbaar.signals.constants import ALLOWED, SignalStatus
from weerbaar.signals.forms import SignalFilterForm, StatusForm, TriageForm

CHANGE_PERMISSION = "signals.change_signal"


@login_required
@require_http_methods(["GET"])
def signal_list(request):
    if not selectors.may_see_signals(request.user):
        raise Http404
    form = SignalFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    signals = selectors.signal_list(user=request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(signals, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    counts = selectors.status_counts(user=request.user)
    return render(
        request,
        "signals/list.html",
        {
            "page": page,
            "form": form,
            "query": query.urlencode(),
            "counts": [(SignalStatus(s).label, s, n) for s, n in counts.items()],
        },
    )


def _detail(request, signal, *, triage=None, status_form=None, status=200):
    may_change = request.user.has_perm(CHANGE_PERMISSION)
    initial = {
        "version": signal.version,
        "phenomenon": signal.phenomenon,
        "urgency": signal.urgency,
        "summary": signal.summary,
        "assigned_to": signal.assigned_to,
    }
    next_steps = [(s, SignalStatus(s).label) for s in sorted(ALLOWED[SignalStatus(signal.status)])]
    return render(
        request,
        "signals/detail.html",
        {
            "signal": signal,
            "may_change": may_change,
            "triage": triage or TriageForm(initial=initial),
            "status_form": status_form or StatusForm(initial={"version": signal.version}),
            "next_steps": next_steps,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def signal_detail(request, signal_id):
    signal = selectors.signal_get(user=request.user, signal_id=signal_id, request=request)
    return _detail(request, signal)


def _changeable(request, signal_id):
    signal = selectors.signal_get(user=request.user, signal_id=signal_id, request=request)
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise Http404
    return signal


@login_required
@require_POST
def signal_triage(request, signal_id):
    signal = _changeable(request, signal_id)
    form = TriageForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.signal_triage(actor=request.user, signal=signal, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The triage has been saved."))
            return redirect("signals:detail", signal_id=signal.uuid)
    signal.refresh_from_db()
    return _detail(request, signal, triage=form, status=409 if form.non_field_errors() else 200)


@login_required
@require_POST
def signal_status(request, signal_id):
    signal = _changeable(request, signal_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.signal_set_status(actor=request.user, signal=signal, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The status has been changed."))
            return redirect("signals:detail", signal_id=signal.uuid)
    signal.refresh_from_db()
    return _detail(request, signal, status_form=form)
