"""In-memory view of the search vocabulary (distinct name and street keys).

Trigram similarity fails on short names with a transposed letter ("Jnog" and "Jong" share
one trigram of nine), so name tokens are matched by edit distance instead. The vocabulary
is small (tens of thousands of keys for a million persons), insert-only, and refreshed
from the rows added since the last load, which costs one indexed query per search.
"""

import threading

from rapidfuzz import process
from rapidfuzz.distance import OSA

from weerbaar.subjects.models import NameToken

_lock = threading.Lock()
_cache: dict[str, list[str]] = {}
_seen: set[tuple[str, str]] = set()
_state = {"last_id": 0, "db": None}
# Rows committed out of id order (concurrent writers on PostgreSQL) are caught by re-reading
# a small window below the highest id seen.
_OVERLAP = 100


def refresh() -> None:
    """Load the keys added since the last look; call once per search."""
    from django.db import connection

    db_id = connection.settings_dict["NAME"]
    with _lock:
        if _state["db"] != db_id:
            _cache.clear()
            _seen.clear()
            _state.update(last_id=0, db=db_id)
        since = max(_state["last_id"] - _OVERLAP, 0)
        rows = NameToken.objects.filter(id__gt=since).values_list("id", "kind", "token")
        for row_id, kind, token in rows.order_by("id").iterator(chunk_size=20000):
            if (kind, token) not in _seen:
                _seen.add((kind, token))
                _cache.setdefault(kind, []).append(token)
            _state["last_id"] = max(_state["last_id"], row_id)


def reset() -> None:
    """Forget the cache (tests roll back inserted tokens)."""
    with _lock:
        _cache.clear()
        _seen.clear()
        _state.update(last_id=0, db=None)


def similar(
    kind: str, token: str, *, limit: int = 6, cutoff: float = 0.58
) -> list[tuple[str, float]]:
    """The vocabulary keys of ``kind`` closest to ``token``, best first, with a 0..1 score."""
    if _state["db"] is None:
        refresh()
    choices = _cache.get(kind, [])
    if not token or not choices:
        return []
    # Short keys tolerate less: one edit in three letters is a different name.
    cutoff = max(cutoff, 0.74) if len(token) <= 4 else cutoff
    found = process.extract(
        token, choices, scorer=OSA.normalized_similarity, limit=limit, score_cutoff=cutoff
    )
    return [(match, score) for match, score, _index in found]
