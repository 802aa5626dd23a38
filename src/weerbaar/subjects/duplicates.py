"""Possible duplicate subjects: proposed by the linkage and judged by the analyst, once.

The nomenklatura approach: a judgement ("the same", made by merging, or "not the same") is
kept per pair, and every later proposal of that pair, by an import or a linkage run, is
dropped. A pair with a merged subject is not proposed either: the duplicate is gone.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.subjects.models import DuplicatePair, Subject


@dataclass(frozen=True)
class Proposal:
    """Two subjects (by primary key) that may be one, with why: per side, the comparisons
    that linked it to the registry record both share."""

    one: int
    other: int
    probability: float
    explanation: dict
    found_by: str


@transaction.atomic
def duplicates_propose(*, actor, proposals: list[Proposal]) -> dict:
    """Keep the proposals as pairs to judge; judged pairs and merged subjects are skipped,
    a pair still open gets the newest explanation. Returns the counts."""
    ids = {p.one for p in proposals} | {p.other for p in proposals}
    merged = set(
        Subject.objects.filter(pk__in=ids, merged_into__isnull=False).values_list("pk", flat=True)
    )
    known = {
        (first, second): status
        for first, second, status in DuplicatePair.objects.filter(
            first__in=ids, second__in=ids
        ).values_list("first", "second", "status")
    }
    counts = {"new": 0, "open": 0, "judged": 0}
    for p in proposals:
        key = tuple(sorted((p.one, p.other)))
        if p.one == p.other or merged & set(key):
            continue
        status = known.get(key)
        if status is not None and status != DuplicatePair.Status.OPEN:
            counts["judged"] += 1  # asked once, never again
            continue
        fields = {"probability": p.probability, "explanation": p.explanation,
                  "found_by": p.found_by[:120]}  # fmt: skip
        if status is None:
            DuplicatePair.objects.create(first_id=key[0], second_id=key[1], **fields)
            known[key] = DuplicatePair.Status.OPEN
            counts["new"] += 1
        else:
            DuplicatePair.objects.filter(first_id=key[0], second_id=key[1]).update(**fields)
            counts["open"] += 1
    if counts["new"] or counts["open"]:
        audit_record(actor=actor, action=AuditAction.DUPLICATES_PROPOSED, new=counts)
    return counts


@transaction.atomic
def duplicate_distinct(*, actor, pair: DuplicatePair, note: str = "") -> DuplicatePair:
    """The analyst's judgement that the two are not the same: the pair is not proposed
    again. Locked and checked again, so two analysts cannot both judge it."""
    locked = DuplicatePair.objects.select_for_update().filter(pk=pair.pk).first()
    if locked is None or locked.status != DuplicatePair.Status.OPEN:
        raise ValidationError(_("This pair has been judged already; see its status."))
    locked.status = DuplicatePair.Status.DISTINCT
    locked.decided_by, locked.decided_at, locked.note = actor, timezone.now(), note.strip()[:255]
    locked.save(update_fields=["status", "decided_by", "decided_at", "note"])
    for subject in (locked.first, locked.second):
        audit_record(
            actor=actor,
            action=AuditAction.DUPLICATE_JUDGED,
            obj=locked,
            subject_ref=subject.uuid,
            new={"status": locked.status},
        )
    return locked
