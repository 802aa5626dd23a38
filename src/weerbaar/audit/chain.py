"""How a record is turned into the bytes its hash covers.

Pure functions over plain values, so the data migration that re-anchors an older chain uses
exactly the code that verifies it.

Form 2 (current) writes the moment in UTC: the database hands a moment back in UTC whatever
zone it was written in, so a hash over the local rendering of a day-only moment (public
reporters' acts, written as local midnight) could never be recomputed. Form 1 (records before
the chain was re-anchored) hashed the moment as it was written, in UTC or the local zone; a
form-1 record verifies when one of those renderings of the same instant matches. Neither form
lets anything but the time zone of the rendering differ, so nothing can be changed unnoticed.
The first record of action ``audit.chain_reanchored`` marks the switch: records before it
are form 1.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

GENESIS_HASH = "0" * 64
CURRENT_FORM = 2
LEGACY_FORM = 1
FIELDS = (
    "actor_id",
    "actor_username",
    "actor_roles",
    "action",
    "result",
    "object_type",
    "object_id",
    "subject_ref",
    "route",
    "purpose",
    "changes",
)


def canonical_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def legacy_times(moment: datetime) -> list[str]:
    """The renderings a form-1 record may have been hashed with (UTC first: most are)."""
    zones = [UTC, timezone.get_default_timezone(), ZoneInfo(settings.TIME_ZONE)]
    renderings = []
    for zone in zones:
        text = moment.astimezone(zone).isoformat()
        if text not in renderings:
            renderings.append(text)
    return renderings


def payload(record, *, created_at: str) -> dict:
    return {"id": record.pk, "created_at": created_at} | {f: getattr(record, f) for f in FIELDS}


def record_hash(prev_hash: str, content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def current_hash(record) -> str:
    return record_hash(
        record.prev_hash, payload(record, created_at=canonical_time(record.created_at))
    )


def legacy_matches(record) -> bool:
    return any(
        record_hash(record.prev_hash, payload(record, created_at=text)) == record.hash
        for text in legacy_times(record.created_at)
    )


def hash_matches(record, form: int) -> bool:
    if form == LEGACY_FORM:
        return legacy_matches(record)
    return current_hash(record) == record.hash


@dataclass
class Walk:
    """Where a walk over the chain stopped: at its end, or at the first broken record."""

    checked: int = 0
    broken_id: int | None = None
    reason: str = ""
    last_hash: str = GENESIS_HASH
    next_id: int = 1


def walk_tombstones(tombstones: Iterable) -> Walk:
    """Follow the tombstones of removed records from the first: numbers without a gap, each
    linked to the one before (their content is gone, so it cannot be recomputed)."""
    state = Walk()
    for stone in tombstones:
        if stone.record_id != state.next_id:
            return replace(state, broken_id=state.next_id, reason="missing")
        if stone.prev_hash != state.last_hash:
            return replace(state, broken_id=stone.record_id, reason="link")
        state = Walk(state.checked + 1, None, "", stone.hash, stone.record_id + 1)
    return state


def walk(records: Iterable, *, legacy_until: int = 0, start: Walk | None = None) -> Walk:
    """Recompute the chain over ``records`` (in id order), going on from ``start`` (after
    the tombstones); records up to ``legacy_until`` are checked in form 1, later ones in the
    current form."""
    state = start or Walk()
    for record in records:
        if record.pk != state.next_id:
            return replace(state, broken_id=state.next_id, reason="missing")
        if record.prev_hash != state.last_hash:
            return replace(state, broken_id=record.pk, reason="link")
        form = LEGACY_FORM if record.pk <= legacy_until else CURRENT_FORM
        if not hash_matches(record, form):
            return replace(state, broken_id=record.pk, reason="content")
        state = Walk(state.checked + 1, None, "", record.hash, record.pk + 1)
    return state
