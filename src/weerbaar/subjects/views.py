from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.access import can_use
from weerbaar.core import restrictions, subject_page
from weerbaar.core.forms import form_submit
from weerbaar.core.http import is_htmx, local_return_path
from weerbaar.subjects import selectors, services
from weerbaar.subjects.constants import (
    ADD_PERMISSION,
    CHANGE_PERMISSION,
    CHANGE_RELATION_PERMISSION,
    RELATE_PERMISSION,
    SubjectKind,
)
from weerbaar.subjects.forms import (
    AddressForm,
    OrganisationForm,
    PersonForm,
    SearchForm,
    VehicleForm,
)
from weerbaar.subjects.merge_forms import UnmergeForm


def _require_search(user):
    if not selectors.may_search_subjects(user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def search(request):
    """Search by POST, so names and numbers stay out of URLs and access logs."""
    _require_search(request.user)
    form = SearchForm(request.POST or None)
    hits = None
    if request.method == "POST" and form.is_valid():
        hits = selectors.subject_search(
            user=request.user, query=form.cleaned_data["q"], request=request
        )
    template = "subjects/partials/results.html" if is_htmx(request) else "subjects/search.html"
    return render(
        request,
        template,
        {
            "form": form,
            "hits": hits,
            "may_add": can_use(request.user, ADD_PERMISSION),
            "duplicates": selectors.duplicates_open(request.user).count(),
        },
    )


@login_required
@require_http_methods(["GET"])
def detail(request, subject_id):
    subject = selectors.subject_get(user=request.user, subject_id=subject_id, request=request)
    relations = selectors.subject_relations(user=request.user, subject=subject)
    may_edit = can_use(request.user, CHANGE_PERMISSION)
    context = {
        "subject": subject,
        "relations": relations,
        "sections": subject_page.sections(subject, request.user),
        "may_edit": may_edit,
        "may_relate": can_use(request.user, RELATE_PERMISSION),
        "may_correct_relations": can_use(request.user, CHANGE_RELATION_PERMISSION),
        "restricted": restrictions.is_restricted(subject),
        "may_merge": (may_merge := selectors.may_merge(request.user)),
        "merges": _with_forms(selectors.subject_merges(subject) if may_merge else []),
        "merged_into": selectors.merged_into_visible(user=request.user, subject=subject),
    }
    return render(request, "subjects/detail.html", context)


def _with_forms(merges):
    for n, merge in enumerate(merges):
        merge.form = UnmergeForm(auto_id=f"merge{n}_%s")
    return merges


FORMS = {
    SubjectKind.PERSON: PersonForm,
    SubjectKind.ADDRESS: AddressForm,
    SubjectKind.ORGANISATION: OrganisationForm,
    SubjectKind.VEHICLE: VehicleForm,
}


def _create(kind: str, actor, data: dict):
    source = _("recorded by hand")
    if kind == SubjectKind.PERSON:
        return services.person_create(actor=actor, data=services.PersonData(**data), source=source)
    if kind == SubjectKind.ADDRESS:
        house = data.pop("house")
        return services.address_create(
            actor=actor,
            source=source,
            house_number=house.number,
            house_letter=house.letter,
            house_number_addition=house.addition,
            **data,
        )
    if kind == SubjectKind.ORGANISATION:
        return services.organisation_create(actor=actor, source=source, **data)
    return services.vehicle_create(actor=actor, source=source, **data)


@login_required
@require_http_methods(["GET", "POST"])
def create(request, kind):
    if kind not in FORMS or not can_use(request.user, ADD_PERMISSION):
        raise Http404
    form = FORMS[kind](request.POST or None)

    def done(subject):
        return_to = _return_to(request)
        if return_to:
            return redirect(f"{return_to}?subject={subject.uuid}")
        return redirect("subjects:detail", subject_id=subject.uuid)

    if request.method == "POST":
        return form_submit(
            form,
            lambda d: _create(kind, request.user, dict(d)),
            done=done,
            again=lambda form, status: _create_page(request, kind, form, status),
        )
    return _create_page(request, kind, form, 200)


def _create_page(request, kind, form, status):
    return render(
        request,
        "subjects/create.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": SubjectKind(kind).label,
            "return_to": _return_to(request),
        },
        status=status,
    )


def _return_to(request) -> str:
    """Where a screen that asked for a new subject wants it back (a local path only)."""
    return local_return_path(request)
