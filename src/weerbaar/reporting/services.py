"""The reporting app's writes: its public API, the record of a report file made."""

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record


def report_exported(*, actor: User, years: range, fmt: str, purpose: str, request=None) -> None:
    """Record a file of the yearly report with its purpose, as every export is recorded."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT_MADE,
        request=request,
        purpose=purpose,
        extra={"list": "jaarverslag", "format": fmt, "from": years.start, "to": years.stop - 1},
    )
