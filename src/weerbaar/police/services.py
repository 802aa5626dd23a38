"""The police compartment's writes, its public API for other apps. Every value of the
information itself is encrypted and recorded in the audit trail only as masked; a provision
is recorded for one case, by someone who may read it for that purpose."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.cases.models import Case, CaseSubject
from weerbaar.core.crypto import masked
from weerbaar.core.fields import EncryptedTextField
from weerbaar.core.locking import lock_current
from weerbaar.core.references import next_reference
from weerbaar.core.restrictions import refuse_if_restricted
from weerbaar.police.constants import REFERENCE_PREFIX
from weerbaar.police.models import Provision, Purpose
from weerbaar.police.selectors import may_record, provisions_visible_to, purposes_for
from weerbaar.subjects.models import Subject

FIELDS = (
    "purpose",
    "basis",
    "form",
    "provided_by",
    "received_on",
    "police_reference",
    "summary",
    "content",
    "subject",
)
STALE = _("This information was changed by someone else meanwhile; open it again.")


def _plain(p: Provision) -> dict:
    """The values for the audit trail: the information itself masked, the rest as codes."""
    values = {}
    for name in FIELDS:
        value = getattr(p, name)
        if isinstance(p._meta.get_field(name), EncryptedTextField):
            value = masked(value)
        elif name == "purpose":
            value = value.code
        elif name == "subject":
            value = str(value.uuid) if value else ""
        values[name] = value
    return values


def _check(
    actor: User, case: Case, purpose: Purpose, received_on: date, subject, *, kept=False
) -> None:
    """``kept``: the purpose is the one already recorded, which may have gone out of use
    since; a new provision or a changed purpose needs one in use."""
    if not purposes_for(actor).filter(pk=purpose.pk).exists() or not (purpose.active or kept):
        raise ValidationError(
            {"purpose": _("You may not record information given for this purpose.")}
        )
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("This date lies in the future.")})
    if subject is not None and not CaseSubject.objects.filter(case=case, subject=subject).exists():
        raise ValidationError({"subject": _("Choose a subject of this case.")})


def _changeable(actor: User, provision: Provision, version: int | None) -> Provision:
    """The provision locked, if ``actor`` reads it (its purpose, its case) and records for
    the case; refused as the pages refuse otherwise."""
    current = lock_current(Provision.objects, pk=provision.pk, version=version, message=STALE)
    readable = provisions_visible_to(actor).filter(pk=current.pk).exists()
    if not (readable and may_record(actor, current.case)):
        raise ValidationError(_("You may not record police information for this case."))
    return current


@transaction.atomic
def provision_record(
    *,
    actor: User,
    case: Case,
    purpose: Purpose,
    basis: str,
    provided_by: str,
    received_on: date,
    summary: str,
    form: str = "report",
    police_reference: str = "",
    content: str = "",
    subject: Subject | None = None,
) -> Provision:
    """Record police information received for ``case``."""
    if not may_record(actor, case):
        raise ValidationError(_("You may not record police information for this case."))
    _check(actor, case, purpose, received_on, subject)
    refuse_if_restricted(subject)
    provision = Provision(
        reference=next_reference(REFERENCE_PREFIX),
        case=case,
        purpose=purpose,
        basis=basis,
        form=form,
        provided_by=provided_by.strip(),
        received_on=received_on,
        police_reference=police_reference.strip(),
        summary=summary.strip(),
        content=content.strip(),
        subject=subject,
        recorded_by=actor,
    )
    provision.full_clean()
    provision.save()
    audit_record(
        actor=actor,
        action=AuditAction.POLICE_RECORDED,
        obj=provision,
        subject_ref=subject.uuid if subject else "",
        new={"case": case.reference, **_plain(provision)},
    )
    return provision


@transaction.atomic
def provision_correct(
    *, actor: User, provision: Provision, version: int | None, **changes
) -> Provision:
    """Correct what was recorded (a wrong date, a typo in the text); ``changes`` are
    ``FIELDS``."""
    current = _changeable(actor, provision, version)
    before = {name: getattr(current, name) for name in FIELDS}
    old = _plain(current)
    for name in FIELDS:
        if name in changes:
            value = changes[name]
            setattr(current, name, value.strip() if isinstance(value, str) else value)
    kept = current.purpose_id == before["purpose"].pk
    _check(actor, current.case, current.purpose, current.received_on, current.subject, kept=kept)
    if changes.get("subject") is not None:
        refuse_if_restricted(current.subject)
    # Compared as values: the masked form of an encrypted text only tells its length.
    changed = [name for name in FIELDS if getattr(current, name) != before[name]]
    if not changed:
        return current
    new = _plain(current)
    current.version += 1
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        action=AuditAction.POLICE_CHANGED,
        obj=current,
        old={k: old[k] for k in changed},
        new={k: new[k] for k in changed},
    )
    return current


@transaction.atomic
def provision_destroy(*, actor: User, provision: Provision, reason: str) -> str:
    """Destroy police information that is no longer needed for its purpose (or was given for
    the wrong case); the trail keeps the number and the reason, never the content."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("State why the information is destroyed.")})
    current = _changeable(actor, provision, None)
    reference = current.reference
    audit_record(
        actor=actor,
        action=AuditAction.POLICE_DESTROYED,
        obj=current,
        purpose=reason,
        old={"case": current.case.reference, "purpose": current.purpose.code},
    )
    current.delete()
    return reference
