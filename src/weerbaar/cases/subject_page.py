"""The cases about a subject on its page (``core.subject_page``): linked to it or coming from
a signal about it, for those who read the case file; a partner who sees a shared case's
heading only does not learn from it which subjects the case is about."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy

from weerbaar.cases.selectors import case_files_visible_to
from weerbaar.core import subject_page


def about(subject, user):
    """The case files about ``subject`` that ``user`` may read (also for the apps above)."""
    return (
        case_files_visible_to(user)
        .filter(
            Q(subject_links__subject=subject)
            | Q(signals__subject_links__subject=subject)
            | Q(signals__address=subject)
        )
        .distinct()
    )


def _rows(subject, user):
    return about(subject, user).select_related("case_type").order_by("-opened_on", "-id")


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
