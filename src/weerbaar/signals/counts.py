"""The signals' counts for the yearly report and the mayor's overview: aggregates only, each
count with how many signals the reader may see (``core.counting``). Public through
``signals.selectors``."""

from datetime import timedelta

from django.db.models import F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from weerbaar.core.counting import age_bucket, grouped, per_address, per_year
from weerbaar.signals.constants import Channel, SignalStatus
from weerbaar.signals.models import Signal


def _visible(user):
    from weerbaar.signals.selectors import signals_visible_to  # selectors re-exports this module

    return signals_visible_to(user)


def yearly_counts(*, user, years: range) -> dict[str, list]:
    """For the yearly report: the signals of ``years`` (merged ones counted once, in the
    signal they joined) per phenomenon, and the MMA reports that were followed up (enriched,
    put on a meeting's agenda or turned into a case), each count with how many ``user`` may
    see. Aggregates only."""
    signals = Signal.objects.filter(
        merged_into__isnull=True,
        reported_on__year__gte=years.start,
        reported_on__year__lt=years.stop,
    )
    visible = _visible(user)
    followed = Q(led_to_case=True) | Q(enrichments__isnull=False)
    followed |= Q(status__in=[SignalStatus.FOR_LIO, SignalStatus.DECIDED])
    mma = signals.filter(channel=Channel.MMA)
    return {
        "phenomena": per_year(
            signals, year_field="reported_on", group="phenomenon__name", visible=visible
        ),
        "mma": per_year(mma, year_field="reported_on", group=None, visible=visible),
        "mma_followed": per_year(
            mma.filter(followed).distinct(), year_field="reported_on", group=None, visible=visible
        ),
    }


def open_counts(*, user) -> dict[str, list]:
    """For the mayor's overview: the open signals per status and age (``core.counting``'s
    buckets), and the signals of the last twelve months per phenomenon and month, each count
    with how many ``user`` may see. Aggregates only."""
    today = timezone.localdate()
    signals = Signal.objects.filter(merged_into__isnull=True)
    visible = _visible(user)
    open_ = signals.exclude(status=SignalStatus.CLOSED)
    start = today.replace(day=1)
    for _month in range(11):
        start = (start - timedelta(days=1)).replace(day=1)
    recent = signals.filter(reported_on__gte=start)
    return {
        "open": grouped(
            open_,
            groups={"status": F("status"), "age": age_bucket("reported_on", today)},
            visible=visible,
        ),
        "trend": grouped(
            recent,
            groups={"phenomenon": F("phenomenon__name"), "month": TruncMonth("reported_on")},
            visible=visible,
        ),
    }


def map_counts(*, user, year: int) -> list[dict]:
    """For the map: the signals reported in ``year`` per address, each count with how many
    ``user`` may see (``core.counting.per_address``). Aggregates only."""
    signals = Signal.objects.filter(merged_into__isnull=True, reported_on__year=year)
    return per_address(
        signals,
        postcode="address__address__postcode",
        number="address__address__house_number",
        visible=_visible(user),
    )
