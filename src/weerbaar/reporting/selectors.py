"""The reporting app's reads: its public API, the yearly report's figures (aggregates only)."""

from weerbaar.accounts.access import can_use
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.reporting import figures
from weerbaar.reporting.constants import VIEW_PERMISSION


def may_view(user) -> bool:
    return can_use(user, VIEW_PERMISSION)


def yearly_report(*, user, years: range, request=None) -> list:
    """The report's sections for ``years`` as ``user`` may see them; the read is recorded."""
    sections = figures.build(user=user, years=years)
    audit_record(
        actor=user,
        action=AuditAction.REPORT_VIEWED,
        request=request,
        extra={"from": years.start, "to": years.stop - 1},
    )
    return sections
