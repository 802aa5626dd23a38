"""Merging a duplicate subject into the one kept, and undoing it.

Whatever points at the duplicate (signals, cases, screenings, controls, relations, requests,
registry links: every foreign key and many-to-many of every installed app that names a
subject) is moved to the subject kept, and the merge records what it moved. Undoing it moves
exactly those records back; what was added to the kept subject since stays there. A record
the kept subject already had its like of (the same signal, the same case) cannot be moved
without breaking a constraint: it is set aside, serialised in the merge, and restored on
undo. The duplicate itself stays, marked ``merged_into``, so links to it lead to the merge.
"""

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.subjects.models import DuplicatePair, Relation, Subject, SubjectMerge

# (model label, field) of every foreign key and many-to-many to a subject, registered by the
# app that holds it (an app below may not reach into the tables of the apps above it);
# tests/subjects/test_merging.py checks the list against the models.
_KEYS: set[tuple[str, str]] = set()
_MANY: set[tuple[str, str]] = set()


def register_references(label: str, *, keys=(), many=()) -> None:
    """Called from an app's ``ready``: which of its fields name a subject."""
    _KEYS.update((label, f) for f in keys)
    _MANY.update((label, f) for f in many)


def subject_fields() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(model label, field) of the foreign keys and of the many-to-manys to a subject."""
    return sorted(_KEYS), sorted(_MANY)


def registry_key(subject: Subject) -> str:
    """What identifies the subject in a basisregistratie, or ''."""
    details = {
        "person": ("person", "bsn_hash"),
        "organisation": ("organisation", "kvk_number"),
        "address": ("address", "bag_nummeraanduiding_id"),
        "vehicle": ("vehicle", "plate"),
    }[subject.kind]
    return getattr(getattr(subject, details[0], None), details[1], "") or ""


def _check(kept: Subject, absorbed: Subject) -> None:
    if kept.pk == absorbed.pk:
        raise ValidationError(_("A subject cannot be merged with itself."))
    if kept.kind != absorbed.kind:
        raise ValidationError(_("Only subjects of the same kind can be merged."))
    if kept.merged_into_id or absorbed.merged_into_id:
        raise ValidationError(_("One of the two has been merged already; see its page."))
    mine, theirs = registry_key(kept), registry_key(absorbed)
    if mine and theirs and mine != theirs:
        raise ValidationError(
            _("The two have different registry numbers (BSN, KvK, BAG): they are not the same.")
        )
    if theirs and not mine:
        raise ValidationError(_("Keep the subject with the registry number, not the other."))


def _lock(*subjects: Subject) -> dict[int, Subject]:
    rows = Subject.objects.select_for_update(of=("self",)).filter(pk__in=[s.pk for s in subjects])
    found = {s.pk: s for s in rows.order_by("pk").select_related(
        "person", "organisation", "address", "vehicle")}  # fmt: skip
    if len(found) != len(subjects):
        raise ValidationError(_("This subject no longer exists."))
    return found


def _set_aside(row) -> dict:
    """The row, serialised, then deleted; refused when its deletion would take more along."""
    collector = Collector(using=router.db_for_write(type(row)))
    collector.collect([row])
    if sum(len(objs) for objs in collector.data.values()) > 1:
        raise ValidationError(
            _("A record of the duplicate cannot be moved or set aside (%(what)s).")
            % {"what": row._meta.verbose_name}
        )
    data = serializers.serialize("json", [row], cls=DjangoJSONEncoder)
    row.delete()
    return {"model": row._meta.label_lower, "data": data}


def _self_relation(model, row, kept: Subject) -> bool:
    return model is Relation and kept.pk in (row.from_subject_id, row.to_subject_id)


def _move_keys(kept: Subject, absorbed: Subject) -> tuple[list, list]:
    moved, aside = [], []
    for label, field in subject_fields()[0]:
        model = apps.get_model(label)
        pks = []
        for row in model._base_manager.filter(**{field: absorbed}).order_by("pk"):
            if _self_relation(model, row, kept):
                aside.append(_set_aside(row))  # a relation between the two: about nobody
                continue
            try:
                with transaction.atomic():
                    model._base_manager.filter(pk=row.pk).update(**{field: kept})
                pks.append(row.pk)
            except IntegrityError:
                aside.append(_set_aside(row))
        if pks:
            moved.append({"model": label, "field": field, "pks": pks})
    return moved, aside


def _move_many(kept: Subject, absorbed: Subject) -> list:
    joined = []
    for label, field in subject_fields()[1]:
        model = apps.get_model(label)
        for owner in model._base_manager.filter(**{field: absorbed}).order_by("pk"):
            members = getattr(owner, field)
            had_kept = members.filter(pk=kept.pk).exists()
            members.remove(absorbed)
            members.add(kept)
            joined.append({"model": label, "field": field, "owner": owner.pk, "had_kept": had_kept})
    return joined


def _pair(kept: Subject, absorbed: Subject):
    first, second = sorted((kept.pk, absorbed.pk))
    return DuplicatePair.objects.select_for_update().filter(first=first, second=second).first()


@transaction.atomic
def subject_merge(*, actor, kept: Subject, absorbed: Subject, reason: str) -> SubjectMerge:
    """Merge ``absorbed`` into ``kept``: the same person, organisation, address or vehicle
    recorded twice. Judges their pair "the same", so it is not proposed again."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the two are the same.")})
    locked = _lock(kept, absorbed)
    kept, absorbed = locked[kept.pk], locked[absorbed.pk]
    _check(kept, absorbed)
    moved, aside = _move_keys(kept, absorbed)
    joined = _move_many(kept, absorbed)
    absorbed.merged_into = kept
    absorbed.save(update_fields=["merged_into", "updated_at"])
    merge = SubjectMerge.objects.create(
        kept=kept, absorbed=absorbed, reason=reason.strip(), merged_by=actor,
        moved=moved, joined=joined, set_aside=aside,
    )  # fmt: skip
    _judge(_pair(kept, absorbed), kept, absorbed, actor, DuplicatePair.Status.SAME, reason)
    counts = {"moved": sum(len(m["pks"]) for m in moved) + len(joined), "set_aside": len(aside)}
    for subject in (kept, absorbed):
        audit_record(
            actor=actor,
            action=AuditAction.SUBJECT_MERGED,
            obj=merge,
            subject_ref=subject.uuid,
            new={"kept": str(kept.uuid), "absorbed": str(absorbed.uuid), **counts},
            extra={"reason": merge.reason},
        )
    return merge


def _judge(pair, kept, absorbed, actor, status, note: str) -> None:
    """The pair's judgement, made by merging or undoing a merge, whether or not it was
    proposed: a merge done from a subject page is judged all the same."""
    now = timezone.now()
    if pair is None:
        first, second = sorted((kept, absorbed), key=lambda s: s.pk)
        pair = DuplicatePair(first=first, second=second, probability=1.0,
                             found_by=_("recorded by hand"))  # fmt: skip
    pair.status, pair.decided_by, pair.decided_at = status, actor, now
    pair.note = note.strip()[:255]
    pair.save()


def _move_back(merge: SubjectMerge, kept: Subject, absorbed: Subject) -> None:
    """What the merge moved, back to ``absorbed``; only rows that still point at ``kept``."""
    for entry in merge.moved:
        model = apps.get_model(entry["model"])
        rows = model._base_manager.filter(pk__in=entry["pks"], **{entry["field"]: kept})
        rows.update(**{entry["field"]: absorbed})
    for entry in merge.joined:
        owner = apps.get_model(entry["model"])._base_manager.filter(pk=entry["owner"]).first()
        if owner is not None:
            members = getattr(owner, entry["field"])
            members.add(absorbed)
            if not entry["had_kept"]:
                members.remove(kept)
    for entry in merge.set_aside:
        for found in serializers.deserialize("json", entry["data"]):
            found.save()


@transaction.atomic
def subject_unmerge(*, actor, merge: SubjectMerge, reason: str) -> SubjectMerge:
    """Undo a merge: the records it moved go back to the duplicate, those it set aside come
    back, and the pair is judged "not the same". Records linked to the kept subject since
    stay with it."""
    if not reason.strip():
        raise ValidationError({"undo_reason": _("Say why the two are not the same.")})
    merge = SubjectMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at:
        raise ValidationError(_("This merge has been undone already."))
    locked = _lock(merge.kept, merge.absorbed)
    kept, absorbed = locked[merge.kept_id], locked[merge.absorbed_id]
    if kept.merged_into_id:
        raise ValidationError(_("The kept subject was merged again since; undo that first."))
    _move_back(merge, kept, absorbed)
    absorbed.merged_into = None
    absorbed.save(update_fields=["merged_into", "updated_at"])
    merge.undone_at, merge.undone_by, merge.undo_reason = timezone.now(), actor, reason.strip()
    merge.save(update_fields=["undone_at", "undone_by", "undo_reason", "updated_at"])
    _judge(_pair(kept, absorbed), kept, absorbed, actor, DuplicatePair.Status.DISTINCT, reason)
    for subject in (kept, absorbed):
        audit_record(
            actor=actor,
            action=AuditAction.SUBJECT_UNMERGED,
            obj=merge,
            subject_ref=subject.uuid,
            extra={"reason": merge.undo_reason},
        )
    return merge
