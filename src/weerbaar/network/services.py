"""The network app's writes: its public API. The record of a picture of the network made
(PNG or SVG, drawn in the reader's browser from what they were shown), with its purpose,
as every export is recorded."""

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record


def network_exported(
    *, actor: User, fmt: str, purpose: str, start: str, nodes: int, edges: int, request=None
) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT_MADE,
        request=request,
        purpose=purpose,
        extra={"list": "netwerk", "format": fmt, "start": start, "nodes": nodes, "edges": edges},
    )
