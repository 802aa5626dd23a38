"""The Bibob screenings about a subject on its page (``core.subject_page``): only for those
inside the compartment (the Bibob role or a live share of the screening)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy

from weerbaar.core import subject_page
from weerbaar.screening.selectors import screenings_visible_to


def _rows(subject, user):
    return (
        screenings_visible_to(user)
        .filter(Q(applicant=subject) | Q(parties__subject=subject))
        .distinct()
        .order_by("-application_received_on", "-id")
    )


def _entry(screening) -> subject_page.Entry:
    return subject_page.Entry(
        reference=screening.reference,
        title=screening.permit_kind.name,
        url=reverse("screening:detail", args=[screening.uuid]),
        day=screening.application_received_on,
        status=screening.get_status_display(),
    )


def register() -> None:
    subject_page.register("screening", gettext_lazy("Bibob screenings"), _rows, _entry, order=60)
