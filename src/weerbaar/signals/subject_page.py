"""The signals about a subject on its page (``core.subject_page``), as far as the reader may
see them: linked to the subject, or at it when it is an address."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from weerbaar.core import subject_page
from weerbaar.signals.selectors import signals_about


def _rows(subject, user):
    found = signals_about(user=user, subject=subject)
    return found.select_related("phenomenon").order_by("-reported_on", "-id")


def _entry(signal) -> subject_page.Entry:
    return subject_page.Entry(
        reference=signal.reference,
        title=str(signal.phenomenon or signal.get_channel_display()),
        url=reverse("signals:detail", args=[signal.uuid]),
        day=signal.reported_on,
        status=signal.get_status_display(),
    )


def register() -> None:
    subject_page.register("signals", gettext_lazy("Signals"), _rows, _entry, order=10)
