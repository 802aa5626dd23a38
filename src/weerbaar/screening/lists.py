"""List screening: a list of names (from a bestuurlijke rapportage) checked against what the
municipality's registries hold. The screening app may not import the warehouse (a higher
tier), so the warehouse registers a *list matcher* here in its ``AppConfig.ready()``; the
list and what the matchers found are kept only in this app's compartment."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.screening.models import ListCheck, ListCheckRow

# At most this many lines in one list: the matchers run while the coordinator waits.
MAX_ROWS = 500


@dataclass(frozen=True)
class Entry:
    """One line of a list as the coordinator gave it."""

    line: int
    name: str
    birth_date: date | None = None
    kvk_number: str = ""


@dataclass
class Found:
    """What a matcher found for one line: the registry records the line was linked to (each a
    dict with ``how``, ``record``, ``probability`` and ``weights``) and the facts found on
    them (each a dict with ``source`` and what to show)."""

    matches: list
    hits: list


# A matcher takes the list's lines and answers {line: Found}; ``sources`` names what it
# searched (empty when there was nothing to search).
Matcher = Callable[[list[Entry]], tuple[list[str], dict[int, Found]]]
_MATCHERS: list[Matcher] = []


def list_matcher_register(matcher: Matcher) -> None:
    """Called from a higher app's ``ready()``; registering twice changes nothing."""
    if matcher not in _MATCHERS:
        _MATCHERS.append(matcher)


def _match(entries: list[Entry]) -> tuple[list[str], dict[int, Found]]:
    sources: list[str] = []
    found: dict[int, Found] = {}
    for matcher in _MATCHERS:
        searched, answers = matcher(entries)
        sources.extend(s for s in searched if s not in sources)
        for line, answer in answers.items():
            mine = found.setdefault(line, Found([], []))
            mine.matches.extend(answer.matches)
            mine.hits.extend(answer.hits)
    return sources, found


def list_check(*, actor: User, title: str, entries: list[Entry]) -> ListCheck:
    """Check ``entries`` against the registered matchers and keep the list with what was
    found. The matchers only read; the list, its lines and the audit row are written in one
    transaction. The audit row counts the lines and names no one on them (the trail is read
    outside the compartment; the names stay in it)."""
    sources, found = _match(entries)
    with transaction.atomic():
        checked = ListCheck.objects.create(title=title.strip(), created_by=actor, sources=sources)
        ListCheckRow.objects.bulk_create(
            ListCheckRow(
                checked_list=checked,
                line=e.line,
                name=e.name,
                birth_date=e.birth_date,
                kvk_number=e.kvk_number,
                matches=found.get(e.line, Found([], [])).matches,
                hits=found.get(e.line, Found([], [])).hits,
                found=bool(found.get(e.line, Found([], [])).hits),
            )
            for e in entries
        )
        audit_record(
            actor=actor,
            action=AuditAction.SCREENING_LIST_CHECKED,
            obj=checked,
            new={
                "lines": len(entries),
                "with_findings": sum(1 for f in found.values() if f.hits),
                "sources": sources,
            },
        )
    return checked
