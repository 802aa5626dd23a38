"""Four-eyes on a shielded reporter: one colleague asks with a reason, a second one approves
or refuses; re-exported by ``intake.services``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.intake import notices
from weerbaar.intake.models import Report, RevealRequest


@transaction.atomic
def reveal_request(*, actor: User, report: Report, reason: str) -> RevealRequest:
    if not report.shielded:
        raise ValidationError(_("This reporter is not shielded."))
    if len(reason.strip()) < 10:
        raise ValidationError(_("Give a reason of at least 10 characters."))
    request = RevealRequest.objects.create(report=report, requested_by=actor, reason=reason.strip())
    audit_record(actor=actor, action=AuditAction.REVEAL_REQUESTED, obj=report, purpose=reason[:500])
    notices.reveal_waits(request=request)
    return request


def _to_decide(*, actor: User, request) -> RevealRequest:
    request = RevealRequest.objects.select_for_update().get(pk=request.pk)
    if request.requested_by_id == actor.pk:
        raise ValidationError(_("A second person must decide; you asked yourself."))
    if request.approved_by_id:
        raise ValidationError(_("This request has already been approved."))
    if request.refused_by_id:
        raise ValidationError(_("This request has already been refused."))
    return request


@transaction.atomic
def reveal_approve(*, actor: User, request) -> None:
    request = _to_decide(actor=actor, request=request)
    request.approved_by, request.approved_at = actor, timezone.now()
    request.save(update_fields=["approved_by", "approved_at"])
    audit_record(
        actor=actor,
        action=AuditAction.REVEAL_APPROVED,
        obj=request.report,
        purpose=request.reason,
        new={"requested_by": str(request.requested_by.uuid)},
    )


@transaction.atomic
def reveal_refuse(*, actor: User, request) -> None:
    """A second person refuses: the name stays shielded, also for the one who asked."""
    request = _to_decide(actor=actor, request=request)
    request.refused_by, request.refused_at = actor, timezone.now()
    request.save(update_fields=["refused_by", "refused_at"])
    audit_record(
        actor=actor,
        action=AuditAction.REVEAL_REFUSED,
        obj=request.report,
        purpose=request.reason,
        new={"requested_by": str(request.requested_by.uuid)},
    )
