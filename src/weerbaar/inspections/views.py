"""Pages of inspections: list, planning, plan, the inspection page (preparation and after)
and the on-site page for a tablet. Address checks are in ``check_views``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import parse_id, refuse
from weerbaar.cases.selectors import case_types
from weerbaar.core.forms import attempt, form_submit
from weerbaar.core.http import sandboxed_download
from weerbaar.inspections import planning_views, registry_facts, selectors, services, storage
from weerbaar.inspections.constants import (
    CHANGE_PERMISSION,
    INTERVENTION_ADD_PERMISSION,
    MEASURES,
    PLAN_PERMISSION,
    InspectionStatus,
)
from weerbaar.inspections.forms import (
    FindingsForm,
    OutcomeForm,
    PhotoForm,
    PlanForm,
    ResearchForm,
    SafetyForm,
    ToCaseForm,
)
from weerbaar.inspections.models import InspectionKind, PartnerKind


def _open_list(request):
    if not selectors.sees_anything(request.user):
        refuse(user=request.user, label="inspections", request=request)


@login_required
@require_http_methods(["GET"])
def inspection_list(request):
    _open_list(request)
    status = request.GET.get("status", "")
    status = status if status in InspectionStatus.values else ""
    kind = request.GET.get("soort", "")
    upcoming = request.GET.get("periode") == "komend"
    rows = selectors.inspection_list(user=request.user, status=status, kind=kind, upcoming=upcoming)
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    query = urlencode(
        {k: v for k, v in (("status", status), ("soort", kind)) if v}
        | ({"periode": "komend"} if upcoming else {})
    )
    return render(
        request,
        "inspections/list.html",
        {
            "page": page,
            "query": query,
            "status": status,
            "kind": kind,
            "upcoming": upcoming,
            "statuses": InspectionStatus.choices,
            "kinds": InspectionKind.objects.filter(active=True),
            "may_plan": request.user.has_perm(PLAN_PERMISSION),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def inspection_plan(request):
    if not request.user.has_perm(PLAN_PERMISSION):
        refuse(user=request.user, label="inspections.plan", request=request)
    initial = planning_views.origin_initial(request) if request.method == "GET" else {}
    form = PlanForm(request.POST or None, user=request.user, initial=initial)

    def done(inspection):
        messages.success(request, _("The inspection has been planned."))
        return redirect("inspections:detail", inspection_id=inspection.uuid)

    def again(form, status):
        return render(request, "inspections/plan.html", {"form": form}, status=status)

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda data: services.inspection_plan(actor=request.user, **data),
        done=done,
        again=again,
    )


def _detail_context(inspection, user, **forms):
    may_change = user.has_perm(CHANGE_PERMISSION) and inspection.status != InspectionStatus.CLOSED
    closed = inspection.status == InspectionStatus.CLOSED
    return {
        "inspection": inspection,
        "addresses": inspection.addresses.all(),
        "businesses": inspection.businesses.all(),
        "participations": inspection.participations.select_related("partner_kind"),
        "findings": inspection.findings.select_related("partner_kind", "item"),
        "research": inspection.research.select_related("business"),
        "photos": inspection.photos.select_related("partner_kind"),
        "may_change": may_change,
        "may_convert": user.has_perm(CHANGE_PERMISSION)
        and closed
        and not (inspection.made_signal_id or inspection.made_case_id),
        "safety_form": forms.get("safety")
        or SafetyForm(
            initial={
                "asked_on": inspection.risk_asked_on,
                "answered_on": inspection.risk_answered_on,
                "outcome": inspection.risk_outcome,
            }
        ),
        "research_form": forms.get("research") or ResearchForm(inspection=inspection),
        "outcome_form": forms.get("outcome") or OutcomeForm(inspection=inspection),
        "case_form": ToCaseForm(),
        "measures": measures_offered(),
        "facts_connected": registry_facts.connected(),
    }


@login_required
@require_http_methods(["GET"])
def inspection_detail(request, inspection_id):
    inspection = selectors.inspection_get(
        user=request.user, inspection_id=inspection_id, request=request
    )
    return render(request, "inspections/detail.html", _detail_context(inspection, request.user))


def _changeable(request, inspection_id):
    return selectors.inspection_get(
        user=request.user,
        inspection_id=inspection_id,
        request=request,
        audit=False,
        allowed=request.user.has_perm(CHANGE_PERMISSION),
    )


def _submit(request, inspection, key, form, call, success):
    def done(_result):
        messages.success(request, success)
        return redirect("inspections:detail", inspection_id=inspection.uuid)

    def again(form, status):
        context = _detail_context(inspection, request.user, **{key: form})
        return render(request, "inspections/detail.html", context, status=status)

    return form_submit(form, call, done=done, again=again)


@login_required
@require_POST
def safety(request, inspection_id):
    inspection = _changeable(request, inspection_id)
    return _submit(
        request,
        inspection,
        "safety",
        SafetyForm(request.POST),
        lambda d: services.safety_record(actor=request.user, inspection=inspection, **d),
        _("The safety check has been saved."),
    )


@login_required
@require_POST
def research(request, inspection_id):
    inspection = _changeable(request, inspection_id)
    return _submit(
        request,
        inspection,
        "research",
        ResearchForm(request.POST, inspection=inspection),
        lambda d: services.research_add(actor=request.user, inspection=inspection, **d),
        _("The research note has been added."),
    )


@login_required
@require_POST
def outcome(request, inspection_id):
    inspection = _changeable(request, inspection_id)
    return _submit(
        request,
        inspection,
        "outcome",
        OutcomeForm(request.POST, inspection=inspection),
        lambda d: services.inspection_close(actor=request.user, inspection=inspection, **d),
        _("The outcome has been recorded; the inspection is closed."),
    )


def _site_forms(inspection, posted=None):
    """A findings form per participating partner; ``posted`` is (partner, bound form)."""
    existing = {f.item_id: (f.result, f.note) for f in inspection.findings.all()}
    forms = []
    for participation in inspection.participations.select_related("partner_kind"):
        partner = participation.partner_kind
        if posted and posted[0].pk == partner.pk:
            forms.append(posted[1])
            continue
        form = FindingsForm(
            partner=partner,
            items=partner.items.filter(active=True),
            initial_findings=existing,
            initial={"notes": participation.notes},
        )
        forms.append(form)
    return forms


@login_required
@require_http_methods(["GET"])
def site(request, inspection_id):
    inspection = selectors.inspection_get(
        user=request.user, inspection_id=inspection_id, request=request
    )
    return render(
        request,
        "inspections/site.html",
        {
            "inspection": inspection,
            "forms": _site_forms(inspection),
            "photo_form": PhotoForm(inspection=inspection),
            "may_change": request.user.has_perm(CHANGE_PERMISSION)
            and inspection.status != InspectionStatus.CLOSED,
            "photos": inspection.photos.select_related("partner_kind"),
        },
    )


@login_required
@require_POST
def findings(request, inspection_id):
    inspection = _changeable(request, inspection_id)
    partner = PartnerKind.objects.filter(pk=parse_id(request.POST.get("partner", ""))).first()
    if partner is None:
        raise Http404
    form = FindingsForm(request.POST, partner=partner, items=partner.items.filter(active=True))

    def done(_result):
        messages.success(
            request, _("The findings of %(partner)s have been saved.") % {"partner": partner.name}
        )
        return redirect("inspections:site", inspection_id=inspection.uuid)

    def again(form, status):
        context = {
            "inspection": inspection,
            "forms": _site_forms(inspection, (partner, form)),
            "photo_form": PhotoForm(inspection=inspection),
            "may_change": True,
            "photos": inspection.photos.select_related("partner_kind"),
            "refused": form.non_field_errors(),
        }
        return render(request, "inspections/site.html", context, status=status)

    return form_submit(
        form,
        lambda d: services.findings_record(
            actor=request.user,
            inspection=inspection,
            partner=partner,
            results=form.results(),
            notes=d["notes"],
        ),
        done=done,
        again=again,
    )


@login_required
@require_POST
def photo_add(request, inspection_id):
    inspection = _changeable(request, inspection_id)
    form = PhotoForm(request.POST, request.FILES, inspection=inspection)
    if form.is_valid():
        attempt(
            request,
            lambda: services.photo_add(
                actor=request.user,
                inspection=inspection,
                clean=form.cleaned_data["photo"],
                partner=form.cleaned_data["partner"],
            ),
            _("The photo has been added."),
        )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("inspections:site", inspection_id=inspection.uuid)


@login_required
@require_http_methods(["GET"])
def photo(request, photo_id):
    item = selectors.photo_get(user=request.user, photo_id=photo_id, request=request)
    return sandboxed_download(
        storage.path_for(item.uuid), filename=item.file_name, content_type=item.content_type
    )


@login_required
@require_POST
def to_signal(request, inspection_id):
    inspection = _changeable(request, inspection_id)
    attempt(
        request,
        lambda: services.inspection_to_signal(actor=request.user, inspection=inspection),
        _("A signal has been made from the inspection."),
    )
    return redirect("inspections:detail", inspection_id=inspection.uuid)


@login_required
@require_POST
def to_case(request, inspection_id):
    inspection = _changeable(request, inspection_id)
    form = ToCaseForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.inspection_to_case(
                actor=request.user, inspection=inspection, case_type=form.cleaned_data["case_type"]
            ),
            _("A case has been opened from the inspection."),
        )
    else:
        messages.error(request, _("Choose a case type."))
    return redirect("inspections:detail", inspection_id=inspection.uuid)


def measures_offered():
    """The one-click measures whose case type is active: (key, label)."""
    active = set(case_types().values_list("code", flat=True))
    return [(key, label) for key, (code, _i, label) in MEASURES.items() if code in active]


@login_required
@require_POST
def to_measure(request, inspection_id):
    """Open the case a measure needs (its case type, the findings as the first note) and go
    on to the case's "new intervention" page with the measure chosen; who may not start one
    lands on the case."""
    inspection = _changeable(request, inspection_id)
    measure = MEASURES.get(request.POST.get("maatregel", ""))
    case_type = case_types().filter(code=measure[0]).first() if measure else None
    if case_type is None:
        messages.error(request, _("Choose a measure."))
        return redirect("inspections:detail", inspection_id=inspection.uuid)
    made = []
    attempt(
        request,
        lambda: made.append(
            services.inspection_to_case(
                actor=request.user, inspection=inspection, case_type=case_type
            )
        ),
        _("A case has been opened from the inspection; choose the measure's details."),
    )
    if not made:
        return redirect("inspections:detail", inspection_id=inspection.uuid)
    if not request.user.has_perm(INTERVENTION_ADD_PERMISSION):
        return redirect("cases:detail", case_id=made[0].uuid)
    start = reverse("interventions:start", args=[made[0].uuid])
    return redirect(f"{start}?{urlencode({'maatregel': measure[1]})}")
