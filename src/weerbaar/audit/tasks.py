"""The audit trail's daily upkeep, run by the background worker (the embedded one too):
keep the signed head outside the database, then verify the chain against every kept head."""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.audit.services import audit_anchor_keep, audit_verify_kept

# A break is a security incident: the log line is what the monitoring picks up.
log = logging.getLogger("weerbaar.security")


@db_periodic_task(crontab(hour="3", minute="25"))
def audit_daily() -> None:
    """A break raises the alert; the head is kept regardless, so a forged line in the
    folder cannot switch the anchoring off."""
    result, _checked, forged = audit_verify_kept()
    if not result.ok or forged:
        log.error(
            "audit chain broken",
            extra={"record": result.broken_id, "reason": result.reason, "forged": forged},
        )
    audit_anchor_keep()
