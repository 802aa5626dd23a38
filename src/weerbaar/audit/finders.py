"""Finding a subject for the privacy officer's page by name or address.

The subject search belongs to the subjects app, above this one; it registers its finder here
from its ``ready()`` (the registry pattern of docs/architecture.md), and the search it runs is
audited there like every subject search.
"""

from collections.abc import Callable

# finder(user=, query=, request=) -> list of (subject id as stored in the trail, label, kind)
_finders: list[Callable[..., list[tuple[str, str, str]]]] = []


def register(finder: Callable[..., list[tuple[str, str, str]]]) -> None:
    if finder not in _finders:
        _finders.append(finder)


def find(*, user, query: str, request=None) -> list[tuple[str, str, str]]:
    found = []
    for finder in _finders:
        found += finder(user=user, query=query, request=request)
    return found
