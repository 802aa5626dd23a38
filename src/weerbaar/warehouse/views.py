from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.audit.exports import list_export, offer
from weerbaar.core import exports
from weerbaar.core.exports import Column
from weerbaar.core.forms import attempt, form_submit
from weerbaar.core.http import is_htmx
from weerbaar.warehouse import controls, facts, selectors, services, tasks
from weerbaar.warehouse.constants import CHANGE_PERMISSION, IMPORT_PERMISSION
from weerbaar.warehouse.forms import AlertFilterForm, BulkDismissForm, DismissForm, ImportForm
from weerbaar.warehouse.models import RegistryLink, ScanRun


def _alert_columns(catalogue) -> list[Column]:
    """The columns of the alert list, the rule by its name as the page shows it."""

    def rule_name(alert):
        return catalogue[alert.rule].name if alert.rule in catalogue else alert.rule

    return [
        Column(gettext_lazy("Raised"), lambda a: a.raised_at),
        Column(gettext_lazy("Rule"), rule_name),
        Column(gettext_lazy("Explanation"), lambda a: a.explanation),
        Column(gettext_lazy("Area"), lambda a: a.area),
        Column(gettext_lazy("Status"), lambda a: a.get_status_display()),
    ]


@login_required
@require_http_methods(["GET"])
def alert_list(request):
    form = AlertFilterForm(exports.list_query(request) or None)
    data = form.cleaned_data if form.is_valid() else {}
    alerts = selectors.alert_list(
        user=request.user,
        rule=data.get("rule", ""),
        area=data.get("area", ""),
        status=data.get("status", "open") if form.is_bound else "open",
    )
    catalogue = selectors.rule_catalogue()
    if exports.wanted(request):
        return list_export(
            request,
            name="attenderingen",
            title=_("Alerts"),
            columns=_alert_columns(catalogue),
            rows=alerts,
        )
    page = Paginator(alerts, 25).get_page(request.GET.get("pagina"))
    for alert in page.object_list:
        alert.rule_name = catalogue[alert.rule].name if alert.rule in catalogue else alert.rule
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "warehouse/alerts.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "rules": catalogue,
            "may_scan": request.user.has_perm(CHANGE_PERMISSION),
            "bulk": BulkDismissForm(alerts=alerts)
            if request.user.has_perm(CHANGE_PERMISSION) and data.get("status", "open") == "open"
            else None,
            "scan": selectors.latest_scan(user=request.user),
            **offer(request),
        },
    )


def _detail(request, alert, dismiss=None, status=200):
    rule = selectors.rule_catalogue().get(alert.rule)
    return render(
        request,
        "warehouse/alert.html",
        {
            "alert": alert,
            "rule": rule,
            "facts": facts.shown(alert.facts),
            "subjects": selectors.alert_subjects(user=request.user, alert=alert),
            "may_review": request.user.has_perm(CHANGE_PERMISSION) and alert.status == "open",
            "dismiss": dismiss or DismissForm(),
            **controls.plan_links(request.user, alert),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def alert_detail(request, alert_id):
    alert = selectors.alert_get(user=request.user, alert_id=alert_id, request=request)
    return _detail(request, alert)


def _reviewable(request, alert_id):
    alert = selectors.alert_get(
        user=request.user,
        alert_id=alert_id,
        request=request,
        allowed=request.user.has_perm(CHANGE_PERMISSION),
    )
    if alert.status != "open":
        raise Http404
    return alert


@login_required
@require_POST
def alert_dismiss(request, alert_id):
    alert = _reviewable(request, alert_id)

    def done(_alert):
        messages.success(request, _("The alert has been dismissed."))
        return redirect("warehouse:alerts")

    return form_submit(
        DismissForm(request.POST),
        lambda d: services.alert_dismiss(actor=request.user, alert=alert, **d),
        done=done,
        again=lambda form, status: _detail(request, alert, dismiss=form, status=status),
    )


@login_required
@require_POST
def alerts_dismiss(request):
    """Dismiss the alerts ticked on the list with one reason."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise Http404
    open_alerts = selectors.alert_list(user=request.user, status="open")
    form = BulkDismissForm(request.POST, alerts=open_alerts)
    back = QueryDict(request.POST.get("back", "")[:2000]).urlencode()
    to_list = redirect(f"{reverse('warehouse:alerts')}?{back}" if back else "warehouse:alerts")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return to_list
    chosen = list(form.cleaned_data["alerts"])
    reason = form.cleaned_data["reason"]
    attempt(
        request,
        lambda: services.alerts_dismiss(actor=request.user, alerts=chosen, reason=reason),
        ngettext("%(n)s alert dismissed.", "%(n)s alerts dismissed.", len(chosen))
        % {"n": len(chosen)},
    )
    return to_list


@login_required
@require_POST
def alert_to_signal(request, alert_id):
    alert = _reviewable(request, alert_id)
    subjects = selectors.alert_subjects(user=request.user, alert=alert)
    made = []
    if not attempt(
        request,
        lambda: made.append(
            services.alert_to_signal(actor=request.user, alert=alert, subjects=subjects)
        ),
        _("A signal has been made of the alert."),
    ):
        # another reviewer was first: say so on the alert's page, which shows what they did
        return redirect("warehouse:alert", alert_id=alert.uuid)
    return redirect("signals:detail", signal_id=made[0].uuid)


@login_required
@require_POST
def run_scan(request):
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise Http404
    run = services.scan_queue(actor=request.user)
    tasks.run_scan(run.pk)
    return redirect("warehouse:alerts")


@login_required
@require_http_methods(["GET"])
def scan_status(request):
    run = selectors.latest_scan(user=request.user)
    return render(request, "warehouse/scan_progress.html", {"scan": run})


@login_required
@require_http_methods(["GET", "POST"])
def imports(request):
    runs = selectors.import_runs(user=request.user)
    may_import = request.user.has_perm(IMPORT_PERMISSION)

    def page_with(form, status=200):
        page = Paginator(runs, 20).get_page(request.GET.get("pagina"))
        context = {"page": page, "query": "", "form": form if may_import else None}
        return render(request, "warehouse/imports.html", context, status=status)

    if request.method != "POST":
        return page_with(ImportForm())
    if not may_import:
        raise Http404

    def done(run):
        tasks.run_import(run.pk)
        return redirect("warehouse:import", run_id=run.uuid)

    return form_submit(
        ImportForm(request.POST, request.FILES),
        lambda d: services.import_queue(actor=request.user, **d),
        done=done,
        again=page_with,
    )


@login_required
@require_http_methods(["GET"])
def import_detail(request, run_id):
    run = selectors.import_run_get(user=request.user, run_id=run_id, request=request)
    template = "warehouse/import_progress.html" if is_htmx(request) else "warehouse/import.html"
    return render(request, template, {"run": run})


@login_required
@require_http_methods(["GET"])
def links(request):
    status = request.GET.get("status", "review")
    if status not in RegistryLink.Status.values:
        status = "review"
    kind = request.GET.get("soort", "person")
    if kind not in RegistryLink.Kind.values:
        kind = "person"
    found = selectors.registry_links(user=request.user, kind=kind, status=status)
    page = Paginator(found, 20).get_page(request.GET.get("pagina"))
    for link in page.object_list:
        link.shown = facts.weights_shown(link.weights)
        born = link.kind == "person" and link.registry_record.get("birth_date")
        link.registry_born = date.fromisoformat(born) if born else None
    return render(
        request,
        "warehouse/links.html",
        {
            "page": page,
            "status": status,
            "statuses": RegistryLink.Status.choices,
            "kind": kind,
            "kinds": RegistryLink.Kind.choices,
            "query": f"soort={kind}&status={status}",
            "may_decide": request.user.has_perm(CHANGE_PERMISSION),
            "run": selectors.latest_scan(user=request.user, work=ScanRun.Work.LINKAGE),
        },
    )


@login_required
@require_POST
def link_decide(request, link_id):
    link = selectors.link_get(
        user=request.user,
        link_id=link_id,
        request=request,
        allowed=request.user.has_perm(CHANGE_PERMISSION),
    )
    same = request.POST.get("same") == "ja"
    attempt(
        request,
        lambda: services.link_decide(actor=request.user, link=link, same=same),
        _("Recorded: the same.") if same else _("Recorded: not the same."),
    )
    return redirect(f"{reverse('warehouse:links')}?soort={link.kind}&status=review")


@login_required
@require_POST
def run_linkage(request):
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise Http404
    run = services.scan_queue(actor=request.user, work=ScanRun.Work.LINKAGE)
    tasks.run_linkage(run.pk)
    return redirect("warehouse:links")


@login_required
@require_http_methods(["GET"])
def link_status(request):
    run = selectors.latest_scan(user=request.user, work=ScanRun.Work.LINKAGE)
    return render(request, "warehouse/link_progress.html", {"run": run})
