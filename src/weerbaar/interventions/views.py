from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.audit.exports import list_export, offer
from weerbaar.cases.selectors import case_file_get
from weerbaar.core import deadline_board, exports
from weerbaar.core.exports import Column
from weerbaar.core.forms import form_submit
from weerbaar.core.http import is_htmx
from weerbaar.interventions import letters, selectors, services
from weerbaar.interventions.constants import ADD_PERMISSION, CHANGE_PERMISSION
from weerbaar.interventions.forms import (
    FinishForm,
    ForfeitureForm,
    OverviewForm,
    StartForm,
    StepsForm,
)
from weerbaar.interventions.models import Instrument, PolicyRule


def _readable_case(request, case_id, allowed: bool = True):
    return case_file_get(
        user=request.user, case_id=case_id, request=request, audit=False, allowed=allowed
    )


@login_required
@require_http_methods(["GET"])
def for_case(request, case_id):
    """The interventions of a case: a fragment the case page loads (and a page of its own)."""
    case = _readable_case(request, case_id)
    context = {
        "case": case,
        "interventions": selectors.case_interventions(case=case),
        "earlier": selectors.earlier_measures(user=request.user, case=case),
        "may_add": request.user.has_perm(ADD_PERMISSION) and not case.is_closed,
    }
    template = (
        "interventions/partials/for_case.html"
        if is_htmx(request)
        else "interventions/for_case.html"
    )
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def start(request, case_id):
    case = _readable_case(request, case_id, allowed=request.user.has_perm(ADD_PERMISSION))
    offence = selectors.offence_number(user=request.user, case=case)
    initial = {"offence": offence}
    # ?maatregel=<code>: the measure proposed by the page that sent the user here (a closed
    # inspection's "Damocles measure"); an unknown or inactive code proposes nothing.
    chosen = Instrument.objects.filter(active=True, code=request.GET.get("maatregel", "")).first()
    if chosen is not None:
        initial["instrument"] = chosen.pk
    form = StartForm(request.POST or None, initial=initial)

    def done(intervention):
        messages.success(request, _("The intervention has been started."))
        return redirect("interventions:detail", intervention_id=intervention.uuid)

    def again(form, status):
        rules = PolicyRule.objects.select_related("measure").order_by(
            "premise_type", "finding", "offence"
        )
        context = {"case": case, "form": form, "offence": offence, "rules": rules}
        return render(request, "interventions/start.html", context, status=status)

    if request.method == "POST":
        return form_submit(
            form,
            lambda d: services.intervention_start(actor=request.user, case=case, **d),
            done=done,
            again=again,
        )
    return again(form, 200)


def _detail(request, intervention, forms=None, status=200):
    forms = forms or {}
    may_change = request.user.has_perm(CHANGE_PERMISSION) and not intervention.result
    initial = {f: getattr(intervention, f) for f in services.STEP_FIELDS}
    initial["version"] = intervention.version
    return render(
        request,
        "interventions/detail.html",
        {
            "i": intervention,
            "case": intervention.case,
            "may_change": may_change,
            "steps": forms.get("steps") or StepsForm(initial=initial),
            "forfeiture_form": forms.get("forfeiture") or ForfeitureForm(),
            "finish_form": forms.get("finish")
            or FinishForm(initial={"version": intervention.version}),
            "deadlines": intervention.deadlines.order_by("due_on"),
            "forfeitures": intervention.forfeitures.all(),
            "letters": [
                (kind, letters.refusal(intervention, kind.key))
                for kind in letters.kinds_for(intervention)
            ],
            "letters_made": selectors.letter_documents(intervention=intervention),
            "today": timezone.localdate(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def detail(request, intervention_id):
    intervention = selectors.intervention_get(
        user=request.user, intervention_id=intervention_id, request=request
    )
    return _detail(request, intervention)


def _changeable(request, intervention_id):
    return selectors.intervention_get(
        user=request.user,
        intervention_id=intervention_id,
        request=request,
        audit=False,
        allowed=request.user.has_perm(CHANGE_PERMISSION),
    )


def _run(request, intervention, key, form, call, success):
    """Submit ``form`` to the service; the page again with the form when it failed."""

    def done(_result):
        messages.success(request, success)
        return redirect("interventions:detail", intervention_id=intervention.uuid)

    def again(form, status):
        intervention.refresh_from_db()
        return _detail(request, intervention, {key: form}, status=status)

    return form_submit(form, call, done=done, again=again)


@login_required
@require_POST
def steps(request, intervention_id):
    intervention = _changeable(request, intervention_id)
    form = StepsForm(request.POST)

    def record(data):
        data = dict(data)
        version = data.pop("version")
        changes = {
            k: v
            for k, v in data.items()
            if v != getattr(intervention, k) and (v or getattr(intervention, k))
        }
        services.intervention_record(
            actor=request.user, intervention=intervention, version=version, **changes
        )

    return _run(request, intervention, "steps", form, record, _("The procedure has been updated."))


@login_required
@require_POST
def forfeiture(request, intervention_id):
    intervention = _changeable(request, intervention_id)
    return _run(
        request,
        intervention,
        "forfeiture",
        ForfeitureForm(request.POST),
        lambda d: services.forfeiture_add(actor=request.user, intervention=intervention, **d),
        _("The forfeiture has been recorded."),
    )


@login_required
@require_POST
def finish(request, intervention_id):
    intervention = _changeable(request, intervention_id)
    return _run(
        request,
        intervention,
        "finish",
        FinishForm(request.POST),
        lambda d: services.intervention_finish(actor=request.user, intervention=intervention, **d),
        _("The intervention has been finished."),
    )


# The columns of the overview, in its order; "late" in words, as the page says it.
DEADLINE_COLUMNS = [
    Column(gettext_lazy("Last day"), lambda d: d.due_on),
    Column(gettext_lazy("Late"), lambda d: d.overdue),
    Column(gettext_lazy("Deadline"), lambda d: d.get_kind_display()),
    Column(gettext_lazy("Measure"), lambda d: d.intervention.instrument.name),
    Column(gettext_lazy("Case number"), lambda d: d.intervention.case.reference),
    Column(gettext_lazy("Case"), lambda d: d.intervention.case.title),
    Column(
        gettext_lazy("Owner"), lambda d: d.owner and (d.owner.get_full_name() or d.owner.username)
    ),
]


@login_required
@require_http_methods(["GET"])
def overview(request):
    form = OverviewForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    scope, window = data.get("scope") or "mine", data.get("window") or "week"
    rows = selectors.deadline_overview(user=request.user, scope=scope, window=window)
    if exports.wanted(request):
        return list_export(
            request, name="termijnen", title=_("Deadlines"), columns=DEADLINE_COLUMNS, rows=rows
        )
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "interventions/overview.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "scope": scope,
            "window": window,
            "boards": deadline_board.boards(
                user=request.user, window=window, today=timezone.localdate()
            ),
            **offer(request),
        },
    )
