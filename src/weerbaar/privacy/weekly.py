"""The weekly report of unusual access in the inbox of every privacy officer (P33)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from weerbaar.accounts.selectors import users_with_permission
from weerbaar.accounts.services import notify
from weerbaar.audit.constants import VIEW_PERMISSION, AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.privacy import unusual
from weerbaar.privacy.selectors import week_of


def unusual_access_send(*, today=None) -> int:
    """Put last week's report in the inbox of every FG, once a week, also when it found
    nothing (so a week without a message is a job that did not run). Returns how many were
    told."""
    today = today or timezone.localdate()
    start, end = week_of(today - timedelta(days=7))
    report = unusual.unusual_access(start, end)
    count = len(report.findings)
    if count:
        text = ngettext(
            "Unusual access in the week of %(day)s: %(count)s finding to look at.",
            "Unusual access in the week of %(day)s: %(count)s findings to look at.",
            count,
        ) % {"day": start.strftime("%d-%m-%Y"), "count": count}
    else:
        text = _("Unusual access in the week of %(day)s: nothing found.") % {
            "day": start.strftime("%d-%m-%Y")
        }
    told = notify(
        users=users_with_permission(VIEW_PERMISSION),
        text=text,
        url=f"{reverse('privacy:unusual')}?week={start.isoformat()}",
        once=f"unusual-{start.isoformat()}",
    )
    audit_record(
        actor=None,
        action=AuditAction.UNUSUAL_ACCESS_SENT,
        extra={"week": start.isoformat(), "findings": count, "told": told},
    )
    return told
