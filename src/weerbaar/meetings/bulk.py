"""The signal list's "put on the agenda", registered with ``signals.bulk`` from ``ready()``."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.meetings.constants import MANAGE_PERMISSION, MeetingStatus
from weerbaar.meetings.selectors import meetings_visible_to
from weerbaar.meetings.services import agenda_add
from weerbaar.signals.bulk import BulkAction, register


def _open_meetings(user):
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        meetings_visible_to(user)
        .exclude(status=MeetingStatus.HELD)
        .filter(starts_at__gte=today)
        .select_related("series")
        .order_by("starts_at")[:20]
    )


def _meetings(user) -> list[tuple[str, str]]:
    return [
        (str(m.uuid), f"{m.series} {date_format(timezone.localtime(m.starts_at), 'j F Y')}")
        for m in _open_meetings(user)
    ]


def _put_on_agenda(*, actor, signals, target: str) -> int:
    meeting = next((m for m in _open_meetings(actor) if str(m.uuid) == target), None)
    if meeting is None:
        raise ValidationError(_("Choose a meeting that is still to be held."))
    return agenda_add(
        actor=actor, meeting=meeting, signals_with_reason=[(s, "new") for s in signals]
    )


def register_agenda_action() -> None:
    register(
        BulkAction(
            code="agenda",
            label=gettext_lazy("Put on the agenda"),
            target_label=gettext_lazy("Put on the agenda of"),
            allowed=lambda user: user.has_perm(MANAGE_PERMISSION),
            targets=_meetings,
            run=_put_on_agenda,
        )
    )
