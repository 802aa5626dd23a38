"""The cases about a subject on its page (``core.subject_page``), for those who read the case
file (``cases.selectors.cases_about``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from weerbaar.cases.selectors import cases_about
from weerbaar.core import subject_page


def _rows(subject, user):
    found = cases_about(user=user, subject=subject)
    return found.select_related("case_type").order_by("-opened_on", "-id")


def _entry(case) -> subject_page.Entry:
    return subject_page.Entry(
        reference=case.reference,
        title=case.case_type.name,
        url=reverse("cases:detail", args=[case.uuid]),
        day=case.opened_on,
        status=case.status,
    )


def register() -> None:
    subject_page.register("cases", gettext_lazy("Cases"), _rows, _entry, order=20)
