"""The privacy app's writes: its public API. The retention job with its dry run, and the
legal holds that stop it; every write with its audit record."""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.cases.models import Case
from weerbaar.core import retention
from weerbaar.core.references import typed_reference

# The writes of a data subject's request and of opening a record with a reason live in
# modules of their own; they are this app's services as well.
from weerbaar.privacy.glass import glass_break as glass_break
from weerbaar.privacy.glass import glass_end as glass_end
from weerbaar.privacy.glass import glass_judge as glass_judge
from weerbaar.privacy.models import Deletion, LegalHold, RetentionRun
from weerbaar.privacy.requests import annotation_add as annotation_add
from weerbaar.privacy.requests import request_answer as request_answer
from weerbaar.privacy.requests import request_extend as request_extend
from weerbaar.privacy.requests import request_open as request_open
from weerbaar.privacy.requests import restriction_lift as restriction_lift
from weerbaar.privacy.requests import restriction_place as restriction_place
from weerbaar.privacy.requests import withholding_clear as withholding_clear
from weerbaar.privacy.requests import withholding_set as withholding_set
from weerbaar.privacy.reviews import access_review_sign as access_review_sign
from weerbaar.privacy.weekly import unusual_access_send as unusual_access_send
from weerbaar.signals.models import RetentionRule, Signal

log = logging.getLogger(__name__)

# Rows removed per transaction: a year of expiries at a large municipality stays a series of
# short transactions, and a failure loses one batch, not the run.
BATCH = 500


@dataclass
class Planned:
    """What one kind removes on a day: the labels of its rows (the dry run) or their number."""

    kind: retention.Kind
    days: int | None
    labels: list[str] = field(default_factory=list)
    count: int = 0

    @property
    def rule(self) -> str:
        if self.days is None:
            return str(self.kind.reason)
        return _("%(days)s days: %(reason)s") % {"days": self.days, "reason": self.kind.reason}


def terms() -> dict[str, int | None]:
    """The term in days of each kind, from its row (made with the default when missing)."""
    rows = dict(RetentionRule.objects.values_list("code", "days"))
    found = {}
    for kind in retention.kinds():
        if kind.default_days is None:
            found[kind.code] = None
        elif kind.code in rows:
            found[kind.code] = rows[kind.code]
        else:
            RetentionRule.objects.get_or_create(
                code=kind.code,
                defaults={
                    "name": str(kind.title),
                    "days": kind.default_days,
                    "reason": str(kind.reason),
                },
            )
            found[kind.code] = kind.default_days
    return found


def retention_plan(*, actor: User | None, today=None, limit: int | None = None) -> list[Planned]:
    """The dry run: per kind, what the job would remove on ``today`` (default: now), labelled
    without content; ``limit`` caps the labels listed per kind, not the count.

    The job itself runs and is rolled back, so what one kind frees for another (a signal
    whose last case goes) is listed exactly as the job would remove it. It writes neither
    tombstones nor audit records (the chain's lock is never held) and counts a kind that
    writes the chain instead of running it; no file is touched, since files go only when a
    run commits. On SQLite the trial holds the write lock while it runs."""
    today = today or timezone.localdate()
    with transaction.atomic():
        run = RetentionRun.objects.create(started_by=actor)
        plan = _apply(run, today, limit=limit, dry=True)
        transaction.set_rollback(True)
    audit_record(
        actor=actor,
        action=AuditAction.RETENTION_DRY_RUN,
        extra={"day": today.isoformat(), **{p.kind.code: p.count for p in plan}},
    )
    return plan


def retention_run(*, actor: User | None = None, today=None) -> RetentionRun:
    """Remove everything past its term, kind by kind in batches; each batch commits with
    its tombstone and its audit record, so the register never lags what went."""
    today = today or timezone.localdate()
    run = RetentionRun.objects.create(started_by=actor)
    _apply(run, today, limit=0, dry=False)
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])
    return run


def _apply(run: RetentionRun, today, *, limit: int | None, dry: bool) -> list[Planned]:
    done, days = [], terms()
    for kind in retention.kinds():
        planned = Planned(kind=kind, days=days[kind.code])
        if dry and kind.chained:
            _count(planned, today, limit)
        else:
            try:
                while _batch(run, planned, today, limit, dry):
                    pass
            except ProtectedError:
                # A hold placed on one of the rows while the job ran: the batch rolled back
                # and the kind waits for the next night.
                log.warning("retention: %s stopped by a hold placed meanwhile", kind.code)
            if planned.count and kind.finish and not dry:
                kind.finish()
        done.append(planned)
    return done


def _count(planned: Planned, today, limit: int | None) -> None:
    rows = planned.kind.due(today, planned.days).order_by("pk")
    planned.count = rows.count()
    planned.labels = _labels(planned.kind, rows[:limit])


def _labels(kind, rows) -> list[str]:
    return [text for row in rows if (text := str(kind.label(row)))]


@transaction.atomic
def _batch(run: RetentionRun, planned: Planned, today, limit: int | None, dry: bool) -> bool:
    kind = planned.kind
    due = kind.due(today, planned.days)
    ids = list(due.order_by("pk").values_list("pk", flat=True)[:BATCH])
    if not ids:
        return False
    rows = due.model.objects.filter(pk__in=ids)
    room = len(ids) if limit is None else max(limit - len(planned.labels), 0)
    planned.labels += _labels(kind, rows.order_by("pk")[:room])
    count = kind.remove(rows)
    if count == 0:
        return False
    planned.count += count
    if not dry:
        _record(run, planned, count, today)
    # A kind that anonymises leaves its rows, no longer due; a full batch may have more.
    return len(ids) == BATCH


def _record(run: RetentionRun, planned: Planned, count: int, today) -> None:
    """The tombstone and the audit record of one batch, in its transaction."""
    kind = planned.kind
    tombstone, _created = Deletion.objects.get_or_create(
        run=run,
        kind=kind.code,
        defaults={
            "title": str(kind.title),
            "rule": planned.rule[:500],
            "count": 0,
            "deleted_on": today,
            "anonymised": kind.anonymises,
        },
    )
    tombstone.count += count
    tombstone.save(update_fields=["count"])
    run.removed += count
    RetentionRun.objects.filter(pk=run.pk).update(removed=run.removed)
    audit_record(
        actor=run.started_by,
        action=AuditAction.RETENTION_APPLIED,
        extra={"kind": kind.code, "count": count, "rule": planned.rule[:200], "run": run.pk},
    )


def _held_record(text: str):
    """The case or signal an officer typed by its number."""
    if ref := typed_reference(text, "C"):
        return Case.objects.filter(reference=ref).first(), None
    if ref := typed_reference(text, "S"):
        return None, Signal.objects.filter(reference=ref).first()
    return None, None


@transaction.atomic
def hold_place(*, actor: User, reference: str, reason: str) -> LegalHold:
    """Keep a case or signal past its term until the hold is lifted."""
    case, signal = _held_record(reference.strip())
    if case is None and signal is None:
        raise ValidationError({"reference": _("No case or signal has this number.")})
    if len(reason.strip()) < 5:
        raise ValidationError({"reason": _("Give the reason for the hold.")})
    if LegalHold.objects.filter(case=case, signal=signal, lifted_at__isnull=True).exists():
        raise ValidationError({"reference": _("This record is already held.")})
    hold = LegalHold.objects.create(
        case=case, signal=signal, reason=reason.strip(), placed_by=actor
    )
    audit_record(
        actor=actor,
        action=AuditAction.HOLD_PLACED,
        obj=case or signal,
        purpose=hold.reason,
        new={"hold": str(hold.uuid)},
    )
    return hold


@transaction.atomic
def hold_lift(*, actor: User, hold: LegalHold, reason: str) -> LegalHold:
    """End a hold; the record's own term applies again from the next run."""
    hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
    if hold.lifted_at is not None:
        raise ValidationError(_("This hold has already been lifted."))
    if len(reason.strip()) < 5:
        raise ValidationError({"reason": _("Give the reason for lifting the hold.")})
    hold.lifted_at, hold.lifted_by = timezone.now(), actor
    hold.save(update_fields=["lifted_at", "lifted_by"])
    audit_record(
        actor=actor,
        action=AuditAction.HOLD_LIFTED,
        obj=hold.case or hold.signal,
        purpose=reason.strip(),
        old={"hold": str(hold.uuid)},
    )
    return hold
