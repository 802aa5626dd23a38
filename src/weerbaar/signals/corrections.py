"""Corrections of a signal: reopening it, correcting or removing an enrichment, changing a
linked subject's role (re-exported by ``signals.services``).

Who may correct an enrichment: its author (while they may still add enrichment), or whoever
handles the signal with the right to change signals: the analyst it is assigned to, or, while
nobody is assigned, anyone with that right (the regisseur).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.locking import STALE
from weerbaar.signals.constants import (
    CHANGE_PERMISSION,
    ENRICH_PERMISSION,
    REOPEN_TO,
    EnrichmentKind,
    SignalStatus,
    SubjectRole,
)
from weerbaar.signals.locks import locked
from weerbaar.signals.models import Enrichment, Signal, SignalSubject


def _reason(reason: str) -> str:
    if len(reason.strip()) < 5:
        raise ValidationError({"reason": _("Give the reason for this correction.")})
    return reason.strip()


@transaction.atomic
def signal_reopen(*, actor: User, signal: Signal, reason: str, version: int | None = None):
    """Take a closed signal up again (``REOPEN_TO``); a merged one is reopened by undoing
    its merge instead."""
    signal = locked(signal, version)
    if signal.status != SignalStatus.CLOSED:
        raise ValidationError(_("Only a closed signal can be reopened."))
    if signal.merged_into_id:
        raise ValidationError(_("This signal was merged into another one: undo the merge."))
    reason = _reason(reason)
    old = {"status": signal.status, "retain_until": signal.retain_until}
    signal.status, signal.retain_until, signal.closed_on = REOPEN_TO, None, None
    signal.version += 1
    signal.save(update_fields=["status", "retain_until", "closed_on", "version"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_REOPENED,
        obj=signal,
        purpose=reason,
        old=old,
        new={"status": signal.status, "retain_until": None},
    )
    return signal


def _check_seen(row, seen: str | None) -> None:
    """Refuse a correction made from a page that showed an older version of ``row``."""
    if seen is not None and seen != row.stamp:
        raise ValidationError(
            _(
                "Someone else corrected this in the meantime. Check the current text and "
                "correct it again."
            ),
            code=STALE,
        )


def may_correct_enrichment(*, user, enrichment: Enrichment) -> bool:
    """True when ``user`` may correct or remove ``enrichment`` (the rule in the docstring
    of this module)."""
    if enrichment.added_by_id == user.pk and user.has_perm(ENRICH_PERMISSION):
        return True
    assigned = enrichment.signal.assigned_to_id
    return user.has_perm(CHANGE_PERMISSION) and assigned in (None, user.pk)


def _correctable(actor, enrichment: Enrichment) -> Enrichment:
    enrichment = (
        Enrichment.objects.select_for_update().select_related("signal").get(pk=enrichment.pk)
    )
    if enrichment.removed_at:
        raise ValidationError(_("This enrichment has been removed."))
    if not may_correct_enrichment(user=actor, enrichment=enrichment):
        raise ValidationError(
            _("Only its author or the handler of the signal may correct this enrichment.")
        )
    return enrichment


FIELDS = ("text", "source", "source_date", "source_grade", "info_grade", "visibility")


@transaction.atomic
def enrichment_edit(
    *, actor: User, enrichment: Enrichment, reason: str = "", seen: str | None = None, **fields
):
    """Correct an enrichment; the earlier values stay in the history (the audit trail).
    ``seen`` is its ``stamp`` on the page the correction was made on (None: not checked)."""
    enrichment = _correctable(actor, enrichment)
    _check_seen(enrichment, seen)
    old = {f: str(getattr(enrichment, f)) for f in FIELDS}
    for name in FIELDS:
        if name in fields:
            value = fields[name]
            setattr(enrichment, name, value.strip() if isinstance(value, str) else value)
    if enrichment.source_date > timezone.localdate():
        raise ValidationError({"source_date": _("The date of the information lies in the future.")})
    if enrichment.kind == EnrichmentKind.FACT:
        enrichment.source_grade = enrichment.info_grade = ""
    elif not (enrichment.source_grade and enrichment.info_grade):
        raise ValidationError(
            _("Grade the reliability of both the source (A-D) and the information (1-4).")
        )
    new = {f: str(getattr(enrichment, f)) for f in FIELDS}
    if new == old:
        return enrichment
    enrichment.changed_at = timezone.now()
    enrichment.full_clean()
    enrichment.save(update_fields=[*FIELDS, "changed_at"])
    changed = [f for f in FIELDS if old[f] != new[f]]
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_ENRICHMENT_CHANGED,
        obj=enrichment.signal,
        purpose=reason.strip(),
        old={"enrichment": str(enrichment.uuid), **{f: old[f] for f in changed}},
        new={"enrichment": str(enrichment.uuid), **{f: new[f] for f in changed}},
    )
    return enrichment


@transaction.atomic
def enrichment_remove(*, actor: User, enrichment: Enrichment, reason: str) -> Enrichment:
    """Remove an enrichment's information, keeping a tombstone (who, when, why) in its
    place; the text is gone from the page and is not copied into the audit trail."""
    enrichment = _correctable(actor, enrichment)
    reason = _reason(reason)
    # The text goes for good: the trail records that it was there, not what it said (an
    # append-only copy would defeat the removal; docs/adr/0004).
    enrichment.text, enrichment.removal_reason = "", reason
    enrichment.removed_at, enrichment.removed_by = timezone.now(), actor
    enrichment.save(update_fields=["text", "removal_reason", "removed_at", "removed_by"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_ENRICHMENT_REMOVED,
        obj=enrichment.signal,
        purpose=reason,
        new={"enrichment": str(enrichment.uuid), "removed": True},
    )
    return enrichment


@transaction.atomic
def signal_subject_role_set(*, actor: User, signal: Signal, subject, role: str):
    """Change the role a linked subject has on the signal."""
    if role not in SubjectRole.values:
        raise ValidationError({"role": _("Choose one of the roles.")})
    link = SignalSubject.objects.select_for_update().filter(signal=signal, subject=subject).first()
    if link is None:
        raise ValidationError(_("This subject is not linked to the signal."))
    if link.role == role:
        return link
    old = link.role
    link.role = role
    link.save(update_fields=["role"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_SUBJECT_ROLE,
        obj=signal,
        subject_ref=subject.uuid,
        old={"subject": str(subject.uuid), "role": old},
        new={"subject": str(subject.uuid), "role": role},
    )
    return link
