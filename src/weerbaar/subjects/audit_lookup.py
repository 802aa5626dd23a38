"""The subject search of the privacy officer's audit page (registered with ``audit.finders``).

The privacy officer sees no subject through need-to-know, yet must find what the trail says
about one person or address: this searches every subject, only for a user who may read the
trail, and records the search like any other (SECURITY.md: searches are audited).
"""

from weerbaar.accounts.access import is_active_user
from weerbaar.audit.constants import VIEW_PERMISSION, AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.subjects.models import Subject
from weerbaar.subjects.search import search


def find_for_audit(*, user, query: str, request=None) -> list[tuple[str, str, str]]:
    if not (is_active_user(user) and user.has_perm(VIEW_PERMISSION)):
        return []
    hits = search(Subject.objects.all(), query, limit=25)
    audit_record(
        actor=user,
        action=AuditAction.SUBJECT_SEARCHED,
        request=request,
        purpose="audit",
        extra={"query": query[:200], "results": len(hits)},
    )
    return [(str(h.subject.uuid), h.subject.label, h.subject.get_kind_display()) for h in hits]
