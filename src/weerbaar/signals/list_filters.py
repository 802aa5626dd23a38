"""Filters of the signal list that depend on what a higher app keeps about a signal.

"Reporter waiting for an answer" is decided by the reporter's dialogue, which belongs to
``intake``; this app may not import it, so intake registers the filter from its ``ready()``
(the same shape as ``selectors.timeline_part_register``). Each filter narrows a queryset with
a subquery, so the list stays at a constant number of queries.
"""

from collections.abc import Callable

from django.db.models import QuerySet

from weerbaar.signals.models import Signal

_filters: dict[str, Callable[[QuerySet[Signal]], QuerySet[Signal]]] = {}


def register(name: str, narrow: Callable[[QuerySet[Signal]], QuerySet[Signal]]) -> None:
    _filters[name] = narrow


def apply(signals: QuerySet[Signal], names: list[str]) -> QuerySet[Signal]:
    """``signals`` narrowed by each named filter; a name nobody registered finds nothing,
    so a missing registration can never widen the list."""
    for name in names:
        narrow = _filters.get(name)
        signals = narrow(signals) if narrow else signals.none()
    return signals
