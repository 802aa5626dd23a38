"""The police compartment's pages. Every read goes through ``selectors.provision_get`` or
the compartment's own lists, so a user outside it meets a missing page, not a refusal that
would tell that there is something."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.lookup import refuse
from weerbaar.cases.selectors import case_file_get
from weerbaar.core.forms import form_submit
from weerbaar.police import selectors, services
from weerbaar.police.forms import DestroyForm, ProvisionFilterForm, ProvisionForm

LABEL = "police.provision"


def _compartment(request):
    if not selectors.may_use(request.user):
        refuse(user=request.user, label=LABEL, request=request)


@login_required
@require_http_methods(["GET"])
def provision_list(request):
    _compartment(request)
    purposes = selectors.purposes_for(request.user)
    form = ProvisionFilterForm(request.GET or None, purposes=purposes)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.provision_list(user=request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"page": page, "form": form, "query": query.urlencode()}
    return render(request, "police/list.html", context)


@login_required
@require_http_methods(["GET"])
def for_case(request, case_id):
    """The compartment's part of a case page: only what the reader may see of it."""
    _compartment(request)
    case = case_file_get(user=request.user, case_id=case_id, request=request, audit=False)
    context = {
        "case": case,
        "provisions": selectors.provisions_of_case(user=request.user, case=case),
        "may_record": selectors.may_record(request.user, case),
    }
    return render(request, "police/partials/for_case.html", context)


def _recordable_case(request, case_id):
    case = case_file_get(user=request.user, case_id=case_id, request=request, audit=False)
    if not selectors.may_record(request.user, case):
        refuse(user=request.user, label=LABEL, request=request)
    return case


def _form(request, case, data=None, *, provision=None, **kwargs):
    # A purpose gone out of use stays on the provisions recorded for it.
    usable = Q(active=True) | Q(pk=provision.purpose_id) if provision else Q(active=True)
    return ProvisionForm(
        data,
        purposes=selectors.purposes_for(request.user).filter(usable),
        subjects=selectors.case_subjects(case=case),
        **kwargs,
    )


@login_required
@require_http_methods(["GET", "POST"])
def provision_create(request, case_id):
    case = _recordable_case(request, case_id)
    form = _form(request, case, request.POST if request.method == "POST" else None)

    def done(provision):
        messages.success(request, _("The police information has been recorded."))
        return redirect("police:detail", provision_id=provision.uuid)

    def again(form, status):
        context = {"form": form, "case": case, "provision": None}
        return render(request, "police/form.html", context, status=status)

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda data: services.provision_record(
            actor=request.user,
            case=case,
            **{k: v for k, v in data.items() if k != "version"},
        ),
        done=done,
        again=again,
    )


@login_required
@require_http_methods(["GET"])
def provision_detail(request, provision_id):
    provision = selectors.provision_get(
        user=request.user, provision_id=provision_id, request=request
    )
    context = {
        "provision": provision,
        "may_record": selectors.may_record(request.user, provision.case),
    }
    return render(request, "police/detail.html", context)


def _changeable(request, provision_id):
    # The correction page shows the text again: a read of it, as the detail page is.
    provision = selectors.provision_get(
        user=request.user,
        provision_id=provision_id,
        request=request,
        audit=request.method == "GET",
    )
    if not selectors.may_record(request.user, provision.case):
        refuse(user=request.user, label=LABEL, object_id=provision_id, request=request)
    return provision


@login_required
@require_http_methods(["GET", "POST"])
def provision_edit(request, provision_id):
    provision = _changeable(request, provision_id)
    initial = {name: getattr(provision, name) for name in services.FIELDS}
    form = _form(
        request,
        provision.case,
        request.POST if request.method == "POST" else None,
        provision=provision,
        initial={**initial, "version": provision.version},
    )

    def done(_provision):
        messages.success(request, _("The police information has been corrected."))
        return redirect("police:detail", provision_id=provision.uuid)

    def again(form, status):
        context = {"form": form, "case": provision.case, "provision": provision}
        return render(request, "police/form.html", context, status=status)

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda data: services.provision_correct(
            actor=request.user,
            provision=provision,
            version=data["version"],
            **{k: v for k, v in data.items() if k != "version"},
        ),
        done=done,
        again=again,
    )


@login_required
@require_http_methods(["GET", "POST"])
def provision_destroy(request, provision_id):
    """A confirmation page first: what is destroyed cannot be brought back."""
    provision = _changeable(request, provision_id)
    form = DestroyForm(request.POST if request.method == "POST" else None)
    case = provision.case

    def done(reference):
        messages.success(
            request, _("Police information %(ref)s has been destroyed.") % {"ref": reference}
        )
        return redirect("cases:detail", case_id=case.uuid)

    def again(form, status):
        context = {"form": form, "provision": provision}
        return render(request, "police/destroy.html", context, status=status)

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda data: services.provision_destroy(
            actor=request.user, provision=provision, reason=data["reason"]
        ),
        done=done,
        again=again,
    )
