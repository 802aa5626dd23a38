"""Registry facts for the preparation of an inspection (KvK, permits, BRP counts, closures):
the warehouse keeps them, on a higher tier this app may not import, so it registers a
provider here (``provider_register``) from its ``ready()``.

A provider is ``facts(user=, inspection=, subjects=, request=)`` returning ``Fact`` rows about
``subjects``: the inspection's addresses and businesses the user may see. It decides its own
need-to-know and records the read.
"""

from collections.abc import Callable

from weerbaar.core.registry_facts import Fact, Unavailable
from weerbaar.subjects.selectors import subjects_visible_to

__all__ = ["Fact", "Unavailable", "connected", "facts_for", "provider_register"]


_providers: list[Callable[..., list[Fact]]] = []


def provider_register(provider: Callable[..., list[Fact]]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def connected() -> bool:
    return bool(_providers)


def facts_for(*, user, inspection, request=None) -> list[tuple[object, list[Fact]]]:
    """(subject, its facts) for every address and business of the inspection the user may
    see, in the inspection's order; raises ``Unavailable`` when a registry cannot be read."""
    visible = subjects_visible_to(user)
    subjects = list(inspection.addresses.filter(pk__in=visible.values("pk")))
    subjects += list(inspection.businesses.filter(pk__in=visible.values("pk")))
    found: dict[int, list[Fact]] = {s.pk: [] for s in subjects}
    for provider in _providers:
        for fact in provider(user=user, inspection=inspection, subjects=subjects, request=request):
            found[fact.subject_id].append(fact)
    return [(subject, found[subject.pk]) for subject in subjects]
