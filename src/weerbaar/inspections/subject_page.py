"""The controls and address checks about a subject on its page (``core.subject_page``), as
far as the reader may see them."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy

from weerbaar.core import subject_page
from weerbaar.inspections.selectors import checks_visible_to, inspections_visible_to


def _controls(subject, user):
    return (
        inspections_visible_to(user)
        .filter(Q(addresses=subject) | Q(businesses=subject))
        .distinct()
        .select_related("kind")
        .order_by("-planned_on", "-id")
    )


def _control(inspection) -> subject_page.Entry:
    return subject_page.Entry(
        reference=inspection.reference,
        title=str(inspection.kind),
        url=reverse("inspections:detail", args=[inspection.uuid]),
        day=inspection.planned_on,
        status=inspection.get_status_display(),
    )


def _checks(subject, user):
    return (
        checks_visible_to(user)
        .filter(Q(address=subject) | Q(persons=subject))
        .distinct()
        .select_related("address")
        .order_by("-planned_on", "-id")
    )


def _check(check) -> subject_page.Entry:
    return subject_page.Entry(
        reference=check.reference,
        title=str(check.address.label) if check.address_id else "",
        url=reverse("inspections:check_detail", args=[check.uuid]),
        day=check.planned_on,
        status=check.get_outcome_display() or str(gettext_lazy("Planned")),
    )


def register() -> None:
    subject_page.register("inspections", gettext_lazy("Controls"), _controls, _control, order=50)
    subject_page.register("checks", gettext_lazy("Address checks"), _checks, _check, order=55)
