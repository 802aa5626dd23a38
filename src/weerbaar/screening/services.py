"""The screening app's writes: its public API for other apps. Every write takes the row
under a lock, checks the order of the steps there, and records its audit row in the same
transaction."""

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.accounts.services import share_grant
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.cases.models import Case
from weerbaar.core import files
from weerbaar.core.crypto import masked
from weerbaar.core.fields import EncryptedTextField
from weerbaar.core.locking import lock_current
from weerbaar.core.references import next_reference
from weerbaar.core.restrictions import refuse_if_restricted
from weerbaar.screening import letters
from weerbaar.screening.constants import ALLOWED, LETTER_FOLDER, REFERENCE_PREFIX, Status
from weerbaar.screening.models import (
    ChecklistItem,
    PermitKind,
    Screening,
    ScreeningFinding,
    ScreeningLetter,
    ScreeningParty,
)
from weerbaar.screening.rules import (
    DATES,
    decision_errors,
    intention_errors,
    status_of,
    step_errors,
)
from weerbaar.signals.models import Signal
from weerbaar.subjects.models import Subject

STEP_FIELDS = (*DATES[:5], "lbb_extended", "lbb_degree")
INTENTION_FIELDS = (
    "intention",
    "intention_sent_on",
    "conditions",
    "opinion_received_on",
    "opinion_summary",
)
DECISION_FIELDS = ("decision", "decided_on", "conditions", "opinion_answer")
STALE = _("This screening was changed meanwhile; look at it again and repeat the change.")


def _plain(s: Screening, fields) -> dict:
    """The values for the audit trail; an encrypted one masked (it stays in its compartment)."""
    return {
        f: masked(v) if isinstance(s._meta.get_field(f), EncryptedTextField) else v
        for f, v in ((f, getattr(s, f)) for f in fields)
    }


def _locked(screening: Screening, version: int | None) -> Screening:
    current = lock_current(Screening.objects, pk=screening.pk, version=version, message=STALE)
    if current.status == Status.DECIDED:
        raise ValidationError(_("This screening has been decided; it cannot change any more."))
    return current


def _move(current: Screening, old_status: str, fields, action, actor: User) -> Screening:
    new_status = status_of(current)
    if new_status != old_status and new_status not in ALLOWED[Status(old_status)]:
        raise ValidationError(_("This step cannot be taken in the screening's current state."))
    current.status = new_status
    current.version += 1
    current.full_clean()
    current.save(update_fields=[*fields, "status", "version", "updated_at"])
    audit_record(
        actor=actor,
        action=action,
        obj=current,
        subject_ref=current.applicant.uuid,
        new=_plain(current, [*fields, "status"]),
    )
    return current


@transaction.atomic
def screening_start(
    *,
    actor: User,
    permit_kind: PermitKind,
    applicant: Subject,
    application_received_on: date,
    signal: Signal | None = None,
    case: Case | None = None,
    alert_reference: str = "",
) -> Screening:
    if application_received_on > timezone.localdate():
        raise ValidationError({"application_received_on": _("This date lies in the future.")})
    refuse_if_restricted(applicant)
    screening = Screening(
        reference=next_reference(REFERENCE_PREFIX),
        permit_kind=permit_kind,
        applicant=applicant,
        application_received_on=application_received_on,
        signal=signal,
        case=case,
        alert_reference=alert_reference.strip(),
        created_by=actor,
    )
    screening.full_clean()
    screening.save()
    audit_record(
        actor=actor,
        action=AuditAction.SCREENING_STARTED,
        obj=screening,
        subject_ref=applicant.uuid,
        new={"permit_kind": permit_kind.code, "received": application_received_on},
    )
    return screening


@transaction.atomic
def screening_record_steps(
    *, actor: User, screening: Screening, version: int | None, **steps
) -> Screening:
    """Record the dates of the investigation and the LBB's advice (``STEP_FIELDS``)."""
    current = _locked(screening, version)
    old_status = current.status
    for field in STEP_FIELDS:
        if field in steps:
            setattr(current, field, steps[field])
    today = timezone.localdate()
    errors = step_errors(current, today)
    if not errors and current.intention_sent_on:
        errors = intention_errors(current, today)
    if errors:
        raise ValidationError(errors)
    return _move(current, old_status, STEP_FIELDS, AuditAction.SCREENING_STEP, actor)


@transaction.atomic
def screening_record_intention(
    *, actor: User, screening: Screening, version: int | None, **fields
) -> Screening:
    """Record the intention (to refuse, or to grant with conditions) sent to the applicant and
    the opinion they gave on it (``INTENTION_FIELDS``), Awb art. 4:8; the answer to the
    opinion is part of the decision."""
    current = _locked(screening, version)
    old_status = current.status
    for field in INTENTION_FIELDS:
        if field in fields:
            value = fields[field]
            setattr(current, field, value.strip() if isinstance(value, str) else value)
    errors = intention_errors(current, timezone.localdate())
    if errors:
        raise ValidationError(errors)
    return _move(current, old_status, INTENTION_FIELDS, AuditAction.SCREENING_STEP, actor)


@transaction.atomic
def screening_decide(
    *,
    actor: User,
    screening: Screening,
    version: int | None,
    decision: str,
    decided_on: date,
    conditions: str = "",
    opinion_answer: str = "",
) -> Screening:
    current = _locked(screening, version)
    old_status = current.status
    current.decision, current.decided_on, current.conditions = decision, decided_on, conditions
    current.opinion_answer = opinion_answer.strip()
    errors = decision_errors(current)
    if decided_on > timezone.localdate():
        errors.setdefault("decided_on", _("This date lies in the future."))
    if errors:
        raise ValidationError(errors)
    return _move(current, old_status, DECISION_FIELDS, AuditAction.SCREENING_DECIDED, actor)


@transaction.atomic
def party_add(*, actor: User, screening: Screening, subject: Subject, role: str) -> ScreeningParty:
    refuse_if_restricted(subject)
    current = _locked(screening, None)
    if subject.pk == current.applicant_id:
        raise ValidationError(_("The applicant is named already."))
    if current.parties.filter(subject=subject, role=role).exists():
        raise ValidationError(_("This subject is named in this role already."))
    party = ScreeningParty(screening=current, subject=subject, role=role)
    party.full_clean()
    party.save()
    audit_record(
        actor=actor,
        action=AuditAction.SCREENING_PARTY_ADDED,
        obj=current,
        # The party, so the privacy officer finds that this person was named in a screening.
        subject_ref=subject.uuid,
        new={"subject": str(subject.uuid), "role": role},
    )
    return party


@transaction.atomic
def finding_record(
    *,
    actor: User,
    screening: Screening,
    item: ChecklistItem,
    text: str,
    source_grade: str,
    info_grade: str,
) -> ScreeningFinding:
    """The finding on one checklist item; a second one on the same item replaces it."""
    current = _locked(screening, None)
    finding = current.findings.filter(item=item).first() or ScreeningFinding(
        screening=current, item=item
    )
    old = {"text": masked(finding.text), "grade": f"{finding.source_grade}{finding.info_grade}"}
    old = old if finding.pk else None
    finding.text, finding.source_grade, finding.info_grade = text, source_grade, info_grade
    finding.recorded_by = actor
    finding.full_clean()
    finding.save()
    audit_record(
        actor=actor,
        action=AuditAction.SCREENING_FINDING,
        obj=current,
        subject_ref=current.applicant.uuid,
        old=old,
        new={"item": item.code, "text": masked(text), "grade": f"{source_grade}{info_grade}"},
    )
    return finding


@transaction.atomic
def screening_share(*, actor: User, screening: Screening, user: User, until: date, purpose: str):
    """Share the screening with one user to the end of ``until`` (the share records itself)."""
    if until < timezone.localdate():
        raise ValidationError({"until": _("This date lies in the past.")})
    if user.pk == actor.pk:
        raise ValidationError({"user": _("You see this screening already.")})
    ends = timezone.make_aware(datetime.combine(until, time.max))
    return share_grant(actor=actor, obj=screening, user=user, purpose=purpose, expires_at=ends)


@transaction.atomic
def letter_make(*, actor: User, screening: Screening, kind: str) -> ScreeningLetter:
    """Make the letter as the screening stands now and keep it in the compartment, as a new
    version; refused (in Dutch) before the step the letter comes from is recorded."""
    # The row lock makes two letters made at once two versions, not one number twice.
    current = Screening.objects.select_for_update().select_related("permit_kind", "applicant")
    current = current.get(pk=screening.pk)
    refused = letters.refusal(current, kind)
    if refused:
        raise ValidationError(refused)
    data = letters.render(current, kind)
    last = current.letters.filter(kind=kind).order_by("-number").first()
    letter = ScreeningLetter(
        screening=current,
        kind=kind,
        number=(last.number + 1) if last else 1,
        file_name=f"{current.reference} {kind}.pdf",
        size=len(data),
        made_by=actor,
    )
    letter.save()
    files.write(LETTER_FOLDER, letter.uuid, data)
    audit_record(
        actor=actor,
        action=AuditAction.SCREENING_LETTER,
        obj=current,
        subject_ref=current.applicant.uuid,
        purpose=letter.file_name,
        new={"letter": kind, "version": letter.number, "file": str(letter.uuid)},
    )
    return letter


@transaction.atomic
def party_remove(*, actor: User, screening: Screening, party: ScreeningParty) -> None:
    """Take back a party named by mistake; the trail keeps who was named and removed."""
    current = _locked(screening, None)
    party = current.parties.select_for_update().filter(pk=party.pk).first()
    if party is None:
        raise ValidationError(_("This party is no longer named."))
    subject, role = party.subject, party.role
    party.delete()
    audit_record(
        actor=actor,
        action=AuditAction.SCREENING_PARTY_REMOVED,
        obj=current,
        subject_ref=subject.uuid,
        old={"subject": str(subject.uuid), "role": role},
    )


# List screening (``screening.lists``): its write, and the registry the warehouse fills.
from weerbaar.screening.lists import list_check as list_check  # noqa: E402
from weerbaar.screening.lists import list_matcher_register as list_matcher_register  # noqa: E402
