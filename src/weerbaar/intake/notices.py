"""Who on the municipality's side hears that a reporter answered or that a reveal request
waits, and what they read: the signal's number and a link, never what was written.

Recipients are those who answer reporters (the permission to change signals) and may see the
signal: its handler when it has one, otherwise every such colleague.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from weerbaar.accounts.constants import NotificationKind
from weerbaar.accounts.selectors import users_with_permission
from weerbaar.accounts.services import notify
from weerbaar.signals.constants import CHANGE_PERMISSION as ANSWER_PERMISSION
from weerbaar.signals.models import Signal
from weerbaar.signals.selectors import signals_visible_to


def _current(signal):
    """The signal a report belongs to now, as stored (a merged duplicate's reports went with
    the signal it was merged into)."""
    signal = Signal.objects.select_related("merged_into").get(pk=signal.pk)
    return signal.merged_into if signal.merged_into_id else signal


def _may_answer(users, signal) -> list:
    return [u for u in users if signals_visible_to(u).filter(pk=signal.pk).exists()]


def reporter_answered(*, signal) -> int:
    """Tell the signal's handler, or else the colleagues who answer for it, that a reporter
    wrote on the dialogue."""
    signal = _current(signal)
    handler = [signal.assigned_to] if signal.assigned_to_id else []
    people = _may_answer(handler, signal) or _may_answer(
        users_with_permission(ANSWER_PERMISSION), signal
    )
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Reporter answered on %(signal)s") % {"signal": signal.reference}
    return notify(
        users=people,
        text=text,
        url=reverse("intake:dialogue", args=[signal.uuid]),
        kind=NotificationKind.REPORTER_ANSWERED,
        target=signal.reference,
        day_only=True,
    )


def reveal_waits(*, request) -> int:
    """Tell the colleagues who could approve (never the one who asked) that a request to
    reveal a shielded reporter waits for a second person."""
    signal = _current(request.report.signal)
    others = users_with_permission(ANSWER_PERMISSION).exclude(pk=request.requested_by_id)
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Reveal request on %(signal)s waits for a second person") % {
            "signal": signal.reference
        }
    return notify(
        users=_may_answer(others, signal),
        text=text,
        url=reverse("intake:reveals"),
        kind=NotificationKind.REVEAL_REQUESTED,
        target=signal.reference,
    )
