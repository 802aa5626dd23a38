"""The subject search of the privacy officer's audit page (registered with ``audit.finders``).

The privacy officer sees no subject through need-to-know, yet must find what the trail says
about one person or address: this searches every subject, only for a user who may read the
trail, and records the search like any other (SECURITY.md: searches are audited).
"""

from weerbaar.audit.constants import VIEW_PERMISSION
from weerbaar.subjects.selectors import subject_search_all


def find_for_audit(*, user, query: str, request=None) -> list[tuple[str, str, str]]:
    hits = subject_search_all(
        user=user,
        query=query,
        allowed=user.has_perm(VIEW_PERMISSION),
        purpose="audit",
        request=request,
    )
    return [(str(h.subject.uuid), h.subject.label, h.subject.get_kind_display()) for h in hits]
