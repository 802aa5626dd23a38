"""The measures about a subject on its page (``core.subject_page``): those of the case files
about it that the reader may read."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from weerbaar.cases.selectors import cases_about
from weerbaar.core import subject_page
from weerbaar.interventions.selectors import interventions_visible_to


def _rows(subject, user):
    return (
        interventions_visible_to(user)
        .filter(case__in=cases_about(user=user, subject=subject))
        .select_related("instrument", "case")
        .order_by("-id")
    )


def _entry(measure) -> subject_page.Entry:
    return subject_page.Entry(
        reference=measure.case.reference,
        title=measure.instrument.name,
        url=reverse("interventions:detail", args=[measure.uuid]),
        day=measure.decision_on,
        status=measure.get_stage_display(),
    )


def register() -> None:
    subject_page.register("interventions", gettext_lazy("Measures"), _rows, _entry, order=30)
