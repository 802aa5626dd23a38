"""Deadline reminders in the inbox: a deadline's owner is told when it ends within
``DEADLINE_REMINDER_DAYS`` days and again when it has passed (the municipality's own
deadlines only: a party's term that passed is not the official's overdue work).

Each step is sent once per deadline and due day, however often the task runs; a deadline
moved to another day is a new one. The worker runs it every morning (``daily_reminders``).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.accounts.constants import NotificationKind
from weerbaar.accounts.services import notify
from weerbaar.interventions.selectors import digest_rows


def _step(deadline, today) -> tuple[str, str]:
    """(kind, key part) of the reminder this deadline is due for today."""
    if deadline.due_on < today:
        return NotificationKind.DEADLINE_OVERDUE, "overdue"
    return NotificationKind.DEADLINE_NEAR, f"near-{settings.DEADLINE_REMINDER_DAYS}"


def _text(deadline, kind) -> str:
    values = {
        "case": deadline.intervention.case.reference,
        "kind": deadline.get_kind_display(),
        "day": formats.date_format(deadline.due_on, "j-n-Y"),
    }
    if kind == NotificationKind.DEADLINE_OVERDUE:
        return _("Deadline passed on %(case)s: %(kind)s, %(day)s") % values
    return _("Deadline near on %(case)s: %(kind)s, %(day)s") % values


def send_reminders() -> int:
    """Tell the owners of deadlines that come near or passed; returns how many were told
    (a reminder sent before is not counted again)."""
    today = timezone.localdate()
    told = 0
    with translation.override(settings.LANGUAGE_CODE):
        for deadline in digest_rows(days=settings.DEADLINE_REMINDER_DAYS):
            kind, step = _step(deadline, today)
            told += notify(
                users=[deadline.owner],
                text=_text(deadline, kind),
                url=reverse("interventions:detail", args=[deadline.intervention.uuid]),
                kind=kind,
                target=deadline.intervention.case.reference,
                once=f"deadline:{deadline.pk}:{deadline.due_on.isoformat()}:{step}",
            )
    return told


@db_periodic_task(crontab(hour="6", minute="30"))
def daily_reminders() -> None:
    send_reminders()
