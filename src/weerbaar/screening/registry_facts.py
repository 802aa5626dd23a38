"""Registry facts for the own investigation of a screening (checklist item
"registerfeiten": KvK, permits, BRP counts, closures). The warehouse keeps them on a higher
tier this app may not import, so it registers a provider here from its ``ready()``:
``facts(user=, screening=, subjects=, request=)`` returning ``core.registry_facts.Fact`` rows
and recording the read."""

from collections.abc import Callable

from weerbaar.core.registry_facts import Fact, Unavailable

__all__ = ["Fact", "Unavailable", "connected", "facts_for", "provider_register"]

_providers: list[Callable[..., list[Fact]]] = []


def provider_register(provider: Callable[..., list[Fact]]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def connected() -> bool:
    return bool(_providers)


def facts_for(*, user, screening, request=None) -> list[tuple[object, list[Fact]]]:
    """(subject, its facts) for the applicant and every party of a screening the caller may
    see (the compartment opened it); raises ``Unavailable`` when a registry is busy. Within
    the compartment the subjects are read as the screening names them."""
    subjects = [
        screening.applicant,
        *(p.subject for p in screening.parties.select_related("subject")),
    ]
    unique = list({s.pk: s for s in subjects}.values())
    found: dict[int, list[Fact]] = {s.pk: [] for s in unique}
    for provider in _providers:
        for fact in provider(user=user, screening=screening, subjects=unique, request=request):
            found[fact.subject_id].append(fact)
    return [(subject, found[subject.pk]) for subject in unique]
