"""The writes of a data subject's request (AVG art. 12-18): its public API. The request
with its term, the records withheld from the copy with their ground (UAVG art. 41), the
disputed facts annotated, and the restriction of processing; every write audited."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core import subject_records
from weerbaar.core.deadlines import Unit, equated_days, term_end
from weerbaar.core.locking import lock_current
from weerbaar.core.references import next_reference
from weerbaar.privacy.constants import HANDLE_PERMISSION
from weerbaar.privacy.models import Annotation, DataRequest, Restriction, Withholding

# AVG art. 12(3): an answer within a month of receipt, extended by two further months where
# the request is complex or one of many.
ANSWER_MONTHS = 1
EXTENDED_MONTHS = 3


def _require(actor: User) -> None:
    if not (actor.is_active and actor.has_perm(HANDLE_PERMISSION)):
        raise PermissionDenied


def _today() -> date:
    return timezone.localdate()


def _open(request: DataRequest) -> DataRequest:
    """The request as stored, locked until the write ends (two officers deciding at once
    wait for each other), and refused once answered."""
    current = lock_current(
        DataRequest.objects,
        pk=request.pk,
        version=None,
        message=_("This request was changed meanwhile; open it again."),
    )
    if current.completed_on is not None:
        raise ValidationError(_("This request has been answered; nothing can be changed."))
    return current


@transaction.atomic
def request_open(
    *, actor: User, kind: str, subject, requester: str, received_on: date
) -> DataRequest:
    _require(actor)
    if received_on > _today():
        raise ValidationError({"received_on": _("The day of receipt cannot lie in the future.")})
    request = DataRequest.objects.create(
        reference=next_reference("AVG"),
        kind=kind,
        subject=subject,
        requester=requester.strip(),
        received_on=received_on,
        due_on=term_end(received_on, ANSWER_MONTHS, Unit.MONTHS, equated_days()),
        handled_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.DATA_REQUEST_OPENED,
        obj=request,
        subject_ref=subject.uuid,
        new={"kind": kind, "received_on": received_on.isoformat()},
    )
    return request


@transaction.atomic
def request_extend(*, actor: User, request: DataRequest, reason: str) -> DataRequest:
    _require(actor)
    request = _open(request)
    if request.extension_reason:
        raise ValidationError(_("The term of this request has been extended already."))
    if _today() > request.due_on:
        raise ValidationError(
            _("The term has passed: an extension must be made known within the first month.")
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the request needs more time.")})
    old = request.due_on
    request.due_on = term_end(request.received_on, EXTENDED_MONTHS, Unit.MONTHS, equated_days())
    request.extension_reason = reason.strip()
    request.save(update_fields=["due_on", "extension_reason", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.DATA_REQUEST_EXTENDED,
        obj=request,
        subject_ref=request.subject.uuid,
        purpose=request.extension_reason,
        old={"due_on": old.isoformat()},
        new={"due_on": request.due_on.isoformat()},
    )
    return request


@transaction.atomic
def request_answer(*, actor: User, request: DataRequest, answered_on: date, outcome: str):
    _require(actor)
    request = _open(request)
    if answered_on > _today() or answered_on < request.received_on:
        raise ValidationError({"answered_on": _("The answer lies between the receipt and today.")})
    if not outcome.strip():
        raise ValidationError({"outcome": _("Say in short what was answered.")})
    request.completed_on = answered_on
    request.outcome = outcome.strip()
    request.save(update_fields=["completed_on", "outcome", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.DATA_REQUEST_ANSWERED,
        obj=request,
        subject_ref=request.subject.uuid,
        new={"answered_on": answered_on.isoformat()},
    )
    return request


def _record(request: DataRequest, record_key: str) -> subject_records.Record:
    """The subject's record ``record_key`` names; refused when it is not about them."""
    for record in subject_records.records(request.subject):
        if record.key == record_key:
            return record
    raise ValidationError(_("This record is not about the person of the request."))


@transaction.atomic
def withholding_set(
    *, actor: User, request: DataRequest, record_key: str, ground: str, explanation: str
) -> Withholding:
    _require(actor)
    request = _open(request)
    record = _record(request, record_key)
    if not explanation.strip():
        raise ValidationError({"explanation": _("Say why the record is withheld.")})
    withheld, _created = Withholding.objects.update_or_create(
        request=request,
        record_key=record.key,
        defaults={"ground": ground, "explanation": explanation.strip(), "recorded_by": actor},
    )
    audit_record(
        actor=actor,
        action=AuditAction.WITHHOLDING_SET,
        obj=request,
        subject_ref=request.subject.uuid,
        purpose=withheld.explanation,
        new={"record": record.key, "ground": ground},
    )
    return withheld


@transaction.atomic
def withholding_clear(*, actor: User, request: DataRequest, record_key: str) -> None:
    _require(actor)
    request = _open(request)
    deleted, _rows = Withholding.objects.filter(request=request, record_key=record_key).delete()
    if deleted:
        audit_record(
            actor=actor,
            action=AuditAction.WITHHOLDING_CLEARED,
            obj=request,
            subject_ref=request.subject.uuid,
            old={"record": record_key},
        )


@transaction.atomic
def annotation_add(
    *, actor: User, request: DataRequest, record_key: str, fact: str, statement: str
) -> Annotation:
    _require(actor)
    request = _open(request)
    record = _record(request, record_key)
    if not fact.strip():
        raise ValidationError({"fact": _("Name the fact the person disputes.")})
    if not statement.strip():
        raise ValidationError({"statement": _("Write down the person's own account.")})
    annotation = Annotation.objects.create(
        subject=request.subject,
        request=request,
        record_key=record.key,
        record_label=f"{record.group}: {record.reference}"[:200],
        fact=fact.strip(),
        statement=statement.strip(),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.ANNOTATION_ADDED,
        obj=annotation,
        subject_ref=request.subject.uuid,
        new={"record": record.key, "fact": annotation.fact},
    )
    return annotation


@transaction.atomic
def restriction_place(*, actor: User, request: DataRequest, reason: str) -> Restriction:
    _require(actor)
    request = _open(request)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why processing is restricted.")})
    if Restriction.objects.filter(subject=request.subject, lifted_at__isnull=True).exists():
        raise ValidationError(_("The processing of this person is restricted already."))
    restriction = Restriction.objects.create(
        subject=request.subject, request=request, reason=reason.strip(), placed_by=actor
    )
    audit_record(
        actor=actor,
        action=AuditAction.RESTRICTION_PLACED,
        obj=restriction,
        subject_ref=request.subject.uuid,
        purpose=restriction.reason,
    )
    return restriction


@transaction.atomic
def restriction_lift(*, actor: User, request: DataRequest, reason: str) -> Restriction:
    """Lift the restriction in force on the person of ``request``."""
    _require(actor)
    restriction = (
        Restriction.objects.select_for_update()
        .filter(subject=request.subject, lifted_at__isnull=True)
        .first()
    )
    if restriction is None:
        raise ValidationError(_("The processing of this person is not restricted."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the restriction ends.")})
    restriction.lifted_at = timezone.now()
    restriction.lifted_by = actor
    restriction.save(update_fields=["lifted_at", "lifted_by", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.RESTRICTION_LIFTED,
        obj=restriction,
        subject_ref=restriction.subject.uuid,
        purpose=reason.strip(),
    )
    return restriction
