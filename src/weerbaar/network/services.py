"""The network app's writes: its public API. The record of a picture of the network made
(PNG or SVG, drawn in the reader's browser from what they were shown), with its purpose,
as every export is recorded."""

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record


def network_exported(
    *, actor: User, start, fmt: str, purpose: str, nodes: int, edges: int, request=None
) -> None:
    """``start``: the subject, signal or case the drawing began with (found through
    ``selectors.start_object``, so one the actor may see); the numbers are the browser's."""
    is_subject = start._meta.label_lower == "subjects.subject"
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT_MADE,
        obj=start,
        subject_ref=start.uuid if is_subject else "",
        request=request,
        purpose=purpose,
        extra={"list": "netwerk", "format": fmt, "nodes": nodes, "edges": edges},
    )
