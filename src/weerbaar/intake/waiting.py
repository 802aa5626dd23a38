"""Which signals have a reporter waiting for an answer (the 30-day rule).

The reckoning of ``selectors.reporter_silence_days``, as one subquery instead of a loop: a
reporter the municipality can answer (receipt code, colleague or e-mail address) waits from
the last message sent to them, or else from the day of the report; a duplicate's reporter
counts for the signal it was merged into. Closed signals are not in it: their reporter was
told the outcome when the signal was closed.
"""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from weerbaar.intake import sealing
from weerbaar.intake.constants import FEEDBACK_DAYS
from weerbaar.intake.models import Message, MessageDirection, Report
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import Signal

FILTER_NAME = "waiting"


def waiting_reports(*, days: int = FEEDBACK_DAYS) -> QuerySet[Report]:
    """Reports whose reporter has heard nothing for ``days`` days or more."""
    cutoff = timezone.localdate() - timedelta(days=days)
    answered = Message.objects.filter(
        report=OuterRef("pk"), direction=MessageDirection.TO_REPORTER, sent_on__gt=cutoff
    )
    answerable = ~Q(receipt_code="") | sealing.has_reporter() | ~Q(contact_email="")
    return Report.objects.filter(answerable, submitted_on__lte=cutoff).exclude(Exists(answered))


def with_waiting_reporter(signals: QuerySet[Signal], *, days: int = FEEDBACK_DAYS):
    """``signals`` narrowed to the open ones with a reporter waiting ``days`` days or more."""
    reports = waiting_reports(days=days)
    duplicates = Signal.objects.filter(
        pk__in=reports.values("signal_id"), merged_into__isnull=False
    )
    own = Q(pk__in=reports.values("signal_id")) | Q(pk__in=duplicates.values("merged_into_id"))
    return signals.filter(own, merged_into__isnull=True).exclude(status=SignalStatus.CLOSED)
