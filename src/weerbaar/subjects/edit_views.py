"""Correcting a subject's details (a typo in a name, a birth date, an address)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.access import can_use
from weerbaar.core.forms import form_submit
from weerbaar.subjects import selectors, services
from weerbaar.subjects.constants import CHANGE_PERMISSION, SubjectKind
from weerbaar.subjects.forms import AddressForm, OrganisationForm, PersonForm, VehicleForm


def _initial(subject) -> dict:
    if subject.kind == SubjectKind.PERSON:
        p = subject.person
        return {f: getattr(p, f) for f in ("given_names", "prefix", "surname", "birth_date")}
    if subject.kind == SubjectKind.ADDRESS:
        a = subject.address
        fields = ("street", "postcode", "place", "surface_m2", "use_purpose")
        return {"house": a.house, **{f: getattr(a, f) for f in fields}}
    if subject.kind == SubjectKind.ORGANISATION:
        o = subject.organisation
        return {
            "name": o.name,
            "kvk_number": o.kvk_number,
            "legal_form": o.legal_form,
            "sbi_codes": ", ".join(o.sbi_codes or []),
        }
    v = subject.vehicle
    return {f: getattr(v, f) for f in ("plate", "make", "model_name", "colour")}


FORMS = {
    SubjectKind.PERSON: PersonForm,
    SubjectKind.ADDRESS: AddressForm,
    SubjectKind.ORGANISATION: OrganisationForm,
    SubjectKind.VEHICLE: VehicleForm,
}


def _update(actor, subject, data: dict):
    if subject.kind == SubjectKind.PERSON:
        data.pop("bsn", None)
        return services.person_update(actor=actor, subject=subject, **data)
    if subject.kind == SubjectKind.ADDRESS:
        house = data.pop("house")
        return services.address_update(
            actor=actor,
            subject=subject,
            house_number=house.number,
            house_letter=house.letter,
            house_number_addition=house.addition,
            **data,
        )
    if subject.kind == SubjectKind.ORGANISATION:
        return services.organisation_update(actor=actor, subject=subject, **data)
    return services.vehicle_update(actor=actor, subject=subject, **data)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, subject_id):
    subject = selectors.subject_get(
        user=request.user,
        subject_id=subject_id,
        request=request,
        allowed=can_use(request.user, CHANGE_PERMISSION),
    )
    form = FORMS[subject.kind](request.POST or None, initial=_initial(subject))
    form.fields.pop("bsn", None)  # the BSN is not corrected by hand: it identifies

    def done(_subject):
        messages.success(request, _("The details have been corrected."))
        return redirect("subjects:detail", subject_id=subject.uuid)

    def again(form, status):
        context = {"form": form, "subject": subject}
        return render(request, "subjects/edit.html", context, status=status)

    if request.method == "POST":
        return form_submit(
            form, lambda d: _update(request.user, subject, dict(d)), done=done, again=again
        )
    return again(form, 200)
