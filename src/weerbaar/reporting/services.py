"""The reporting app's writes: its public API. The narratives of a year, adopting a year
(its figures kept as they are), and the record of a report file made."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.reporting import figures, snapshot
from weerbaar.reporting.constants import YearStatus
from weerbaar.reporting.models import Narrative, ReportYear

THEMES = dict(figures.THEMES)


def report_exported(*, actor: User, years: range, fmt: str, purpose: str, request=None) -> None:
    """Record a file of the yearly report with its purpose, as every export is recorded."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT_MADE,
        request=request,
        purpose=purpose,
        extra={"list": "jaarverslag", "format": fmt, "from": years.start, "to": years.stop - 1},
    )


def _draft(year: int) -> ReportYear:
    row, _created = ReportYear.objects.get_or_create(year=year)
    row = ReportYear.objects.select_for_update().get(pk=row.pk)
    if row.status == YearStatus.ADOPTED:
        raise ValidationError(
            _("The report of %(year)s has been adopted; it no longer changes.") % {"year": year}
        )
    return row


@transaction.atomic
def narrative_save(*, actor: User, year: int, theme: str, text: str) -> Narrative | None:
    """Keep the narrative of one theme of ``year``; an empty text removes it."""
    if theme not in THEMES:
        raise ValidationError({"theme": _("This theme does not exist.")})
    row = _draft(year)
    current = row.narratives.filter(theme=theme).first()
    old = current.text if current else ""
    text = text.strip()
    if text == old:
        return current
    if not text:
        current.delete()
        current = None
    else:
        current = current or Narrative(report_year=row, theme=theme)
        current.text, current.updated_by = text, actor
        current.full_clean()
        current.save()
    audit_record(
        actor=actor,
        action=AuditAction.REPORT_NARRATIVE,
        obj=row,
        old={"theme": theme, "text": old},
        new={"theme": theme, "text": text},
    )
    return current


@transaction.atomic
def year_adopt(*, actor: User, year: int) -> ReportYear:
    """Adopt the report of an ended year: its figures are kept as they are now, and a later
    correction of the data shows as a difference beside them."""
    if year >= timezone.localdate().year:
        raise ValidationError(_("Only a year that has ended can be adopted."))
    row = _draft(year)
    sections = figures.build(user=actor, years=range(year, year + 1))
    row.figures = snapshot.take(sections, 0)
    row.status, row.adopted_on, row.adopted_by = YearStatus.ADOPTED, timezone.localdate(), actor
    row.save(update_fields=["figures", "status", "adopted_on", "adopted_by"])
    audit_record(actor=actor, action=AuditAction.REPORT_ADOPTED, obj=row, new={"year": year})
    return row
