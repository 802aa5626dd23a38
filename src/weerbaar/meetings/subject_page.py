"""The meetings that discussed a subject, on its page (``core.subject_page``): agenda items
the reader may read (partners: only those shared with them), on signals about the subject
the reader may see."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from weerbaar.core import subject_page
from weerbaar.meetings.selectors import agenda_items_visible_to
from weerbaar.signals.selectors import signals_about


def _rows(subject, user):
    return (
        agenda_items_visible_to(user)
        .filter(signal__in=signals_about(user=user, subject=subject))
        .select_related("meeting__series", "signal")
        .order_by("-meeting__starts_at", "-id")
    )


def _entry(item) -> subject_page.Entry:
    return subject_page.Entry(
        reference=item.signal.reference,
        title=str(item.meeting.series),
        url=reverse("meetings:detail", args=[item.meeting.uuid]),
        day=timezone.localdate(item.meeting.starts_at),
        status=item.get_decision_display(),
    )


def register() -> None:
    subject_page.register("meetings", gettext_lazy("Meetings"), _rows, _entry, order=40)
