"""The candidate sources and plan origins this app knows itself: signals that ask for a
control, and the list typed in on the planning page (``candidates`` has the registry).

Rule for signals (docs/inspections.md): an open signal the user may see, whose phenomenon is
one of ``CONTROL_PHENOMENA`` and that no inspection has come from yet.
"""

from uuid import UUID

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy

from weerbaar.inspections import candidates, selectors
from weerbaar.inspections.constants import CANDIDATES_SHOWN, CONTROL_PHENOMENA
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.selectors import signal_get, signals_visible_to

OPEN = (SignalStatus.NEW, SignalStatus.IN_PROGRESS, SignalStatus.FOR_LIO)


def _uuid(value: str) -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise Http404 from None


def signal_rows(user) -> list[candidates.Candidate]:
    # Only inspections the user may see take a signal off the list: whether an invisible one
    # exists is not for this user to learn.
    planned = selectors.inspections_visible_to(user).filter(signal__isnull=False)
    rows = (
        signals_visible_to(user)
        .filter(status__in=OPEN, phenomenon__code__in=CONTROL_PHENOMENA)
        .exclude(pk__in=planned.values("signal"))
        .select_related("phenomenon", "address", "address__address")
        .order_by("-reported_on", "-id")[:CANDIDATES_SHOWN]
    )
    return [
        candidates.Candidate(
            reference=signal.reference,
            text=signal.phenomenon.name + (f": {signal.summary}" if signal.summary else ""),
            url=reverse("signals:detail", args=[signal.uuid]),
            address=signal.address.label if signal.address else signal.location_text,
            plan_url=candidates.plan_url("signal", signal.uuid),
            check_url=candidates.plan_url("signal", signal.uuid, check=True),
        )
        for signal in rows
    ]


def signal_prefill(user, value, request=None) -> candidates.Prefill:
    signal = signal_get(user=user, signal_id=_uuid(value), request=request)
    line = candidates.address_line(signal.address)
    return candidates.Prefill(
        addresses=[line] if line else [],
        purpose=signal.summary,
        signal=signal.reference,
    )


def typed_rows(user) -> list[candidates.Candidate]:
    rows = selectors.typed_visible_to(user).select_related("address", "added_by")
    return [
        candidates.Candidate(
            reference=row.address.label,
            text=row.note,
            plan_url=candidates.plan_url("lijst", row.uuid),
            check_url=candidates.plan_url("lijst", row.uuid, check=True),
            remove_url=reverse("inspections:candidate_remove", args=[row.uuid]),
        )
        for row in rows[:CANDIDATES_SHOWN]
    ]


def typed_prefill(user, value, request=None) -> candidates.Prefill:
    row = selectors.typed_candidate_get(user=user, candidate_id=_uuid(value), request=request)
    line = candidates.address_line(row.address)
    return candidates.Prefill(addresses=[line] if line else [], purpose=row.note)


def register() -> None:
    candidates.register("signals", gettext_lazy("Signals that ask for a control"), signal_rows)
    candidates.register("typed", gettext_lazy("Typed in"), typed_rows)
    candidates.origin_register("signal", signal_prefill)
    candidates.origin_register("lijst", typed_prefill)
