"""Relations recorded by hand: typed, dated, sourced and graded like soft information on a
signal (the 4x4 grading), corrected with the optimistic lock and ended on a day, never
deleted, so the network keeps what was once true."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.locking import lock_current
from weerbaar.core.restrictions import refuse_if_restricted
from weerbaar.subjects.constants import RELATION_ENDS
from weerbaar.subjects.models import Relation, Subject

CORRECTED = ("valid_from", "valid_until", "source", "source_grade", "info_grade", "note")


def _locked(relation: Relation, version: int | None) -> Relation:
    return lock_current(
        Relation.objects.select_related("from_subject", "to_subject"),
        pk=relation.pk,
        version=version,
        message=_("Someone changed this relation in the meantime; look at it again."),
    )


def _by_hand(relation: Relation) -> None:
    if relation.recorded_by_id is None and not relation.source_grade:
        raise ValidationError(
            _("A relation that came in with an import is corrected at its source.")
        )


def relation_check(*, kind: str, from_subject: Subject, to_subject: Subject) -> None:
    if (from_subject.kind, to_subject.kind) not in RELATION_ENDS[kind]:
        raise ValidationError(
            {"kind": _("This relation does not fit the kinds of subject you are linking.")}
        )
    if from_subject.pk == to_subject.pk:
        raise ValidationError({"kind": _("A subject cannot have a relation with itself.")})


def _dates(valid_from: date | None, valid_until: date | None) -> None:
    if valid_from and valid_until and valid_until < valid_from:
        raise ValidationError({"valid_until": _("The end date lies before the start date.")})


def _graded(source: str, source_grade: str, info_grade: str) -> None:
    errors = {}
    if not source.strip():
        errors["source"] = _("Name the source of this relation.")
    if not source_grade:
        errors["source_grade"] = _("Grade the reliability of the source.")
    if not info_grade:
        errors["info_grade"] = _("Grade the reliability of the information.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def relation_record(
    *,
    actor: User,
    kind: str,
    from_subject: Subject,
    to_subject: Subject,
    source: str,
    source_grade: str,
    info_grade: str,
    valid_from: date | None = None,
    valid_until: date | None = None,
    note: str = "",
) -> Relation:
    """A relation an officer records by hand; it must name and grade its source."""
    _graded(source, source_grade, info_grade)
    _dates(valid_from, valid_until)
    relation_check(kind=kind, from_subject=from_subject, to_subject=to_subject)
    refuse_if_restricted(from_subject, to_subject)
    alike = Relation.objects.filter(
        kind=kind, from_subject=from_subject, to_subject=to_subject, valid_until__isnull=True
    )
    if valid_until is None and alike.exists():
        raise ValidationError(_("This relation is already recorded and has not ended."))
    relation = Relation(
        kind=kind,
        from_subject=from_subject,
        to_subject=to_subject,
        source=source.strip(),
        source_grade=source_grade,
        info_grade=info_grade,
        valid_from=valid_from,
        valid_until=valid_until,
        note=note.strip(),
        recorded_by=actor,
    )
    relation.full_clean()
    relation.save()
    audit_record(
        actor=actor,
        action=AuditAction.RELATION_CREATED,
        obj=relation,
        subject_ref=from_subject.uuid,
        new={
            "kind": kind,
            "source": relation.source,
            "grade": f"{source_grade}{info_grade}",
            "to": str(to_subject.uuid),
        },
    )
    return relation


@transaction.atomic
def relation_correct(*, actor: User, relation: Relation, version: int | None, **values) -> Relation:
    """Correct the dates, source, grades or note of a relation (its kind and ends stay: a
    different relation is recorded as a new one)."""
    current = _locked(relation, version)
    _by_hand(current)
    new = {field: values.get(field, getattr(current, field)) for field in CORRECTED}
    new["source"], new["note"] = new["source"].strip(), new["note"].strip()
    _graded(new["source"], new["source_grade"], new["info_grade"])
    _dates(new["valid_from"], new["valid_until"])
    if current.valid_until is None and new["valid_until"] is not None:
        raise ValidationError(
            {"valid_until": _("End the relation with its reason, below: not as a correction.")}
        )
    if current.valid_until is not None and new["valid_until"] is None:
        raise ValidationError(
            {"valid_until": _("An ended relation is not reopened: record it again.")}
        )
    refuse_if_restricted(current.from_subject, current.to_subject)
    changed = [f for f in CORRECTED if getattr(current, f) != new[f]]
    if not changed:
        return current
    old = {f: str(getattr(current, f) or "") for f in changed}
    for field in changed:
        setattr(current, field, new[field])
    current.version += 1
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        action=AuditAction.RELATION_CHANGED,
        obj=current,
        subject_ref=current.from_subject.uuid,
        old=old,
        new={f: str(new[f] or "") for f in changed},
    )
    return current


@transaction.atomic
def relation_end(
    *, actor: User, relation: Relation, version: int | None, ended_on: date, reason: str
) -> Relation:
    """End a relation on a day (a move, a resignation); it stays in the network's history."""
    current = _locked(relation, version)
    _by_hand(current)
    if current.valid_until is not None:
        raise ValidationError(_("This relation has already ended."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the relation ended.")})
    if current.valid_from and ended_on < current.valid_from:
        raise ValidationError({"ended_on": _("The end date lies before the start date.")})
    refuse_if_restricted(current.from_subject, current.to_subject)
    current.valid_until = ended_on
    current.version += 1
    current.full_clean()
    current.save(update_fields=["valid_until", "version", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.RELATION_ENDED,
        obj=current,
        subject_ref=current.from_subject.uuid,
        new={"valid_until": ended_on.isoformat(), "reason": reason.strip()[:500]},
    )
    return current
