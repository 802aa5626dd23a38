"""Break the glass (SECURITY.md P22): a case officer or inspector who must open a signal or
case of another team now (a closure tonight, nobody of that team reachable) states why; the
record opens for them alone for a working day, through a share as any share opens it, the
opening is recorded as such, and every privacy officer is told at once and judges it after.

The regisseur's role sees every file by its own right (granted under four eyes, reviewed each
quarter) and needs no reason. The compartments never open this way: a Bibob file is not a
signal or case, and police information follows its purpose, not a share. A number that does
not exist answers like one that may not be opened; both refusals are in the trail, where the
weekly report counts bursts of them.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.accounts.access import can_use
from weerbaar.accounts.lookup import visible_get
from weerbaar.accounts.models import User
from weerbaar.accounts.selectors import users_with_permission
from weerbaar.accounts.services import notify, share_end, share_grant
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_record
from weerbaar.cases.models import Case
from weerbaar.cases.selectors import cases_visible_to
from weerbaar.core.locking import lock_current
from weerbaar.core.references import typed_reference
from weerbaar.privacy.constants import BREAK_HOURS, BREAK_PERMISSION, JUDGE_PERMISSION, REASON_MIN
from weerbaar.privacy.models import EmergencyAccess, Judgement
from weerbaar.signals.models import Signal
from weerbaar.signals.selectors import signals_visible_to


@dataclass(frozen=True)
class Target:
    model: type
    visible: object  # the app's own need-to-know: visible(user) -> QuerySet
    route: str  # the record's page, which takes its uuid


TARGETS = {
    "S": Target(Signal, signals_visible_to, "signals:detail"),
    "C": Target(Case, cases_visible_to, "cases:detail"),
}
UNKNOWN = gettext_lazy(
    "No signal or case with this number can be opened this way. Check the number; a Bibob "
    "file or police information never opens with a reason."
)
STALE = gettext_lazy("This opening was changed by someone else meanwhile; open it again.")


def may_break(user) -> bool:
    return can_use(user, BREAK_PERMISSION)


def may_judge(user) -> bool:
    return can_use(user, JUDGE_PERMISSION)


def _find(number: str):
    text = number.strip().upper()
    for prefix, target in TARGETS.items():
        reference = typed_reference(text, prefix) if text.startswith(prefix) else None
        if reference:
            return target, target.model.objects.filter(reference=reference).first()
    return None, None


def record_url(access: EmergencyAccess) -> str:
    target = next(t for t in TARGETS.values() if t.model._meta.label_lower == access.object_type)
    return reverse(target.route, args=[access.object_uuid])


def glass_break(*, actor: User, number: str, reason: str, request=None) -> EmergencyAccess:
    """Open the signal or case numbered ``number`` for ``actor`` until the end of the
    opening's hours, for the stated ``reason``; tell every privacy officer."""
    if not may_break(actor):
        raise PermissionDenied
    reason = " ".join(reason.split())
    if len(reason) < REASON_MIN:
        message = _("State in at least %(n)s characters why you must open it now.")
        raise ValidationError({"reason": message % {"n": REASON_MIN}})
    target, found = _find(number)
    if found is None:
        # Outside the write's transaction: the refusal stays in the trail.
        audit_record(
            actor=actor,
            action=AuditAction.ACCESS_DENIED,
            result=AuditResult.DENIED,
            purpose="break the glass",
            extra={"number": number.strip()[:20]},
        )
        raise ValidationError({"number": UNKNOWN})
    if target.visible(actor).filter(pk=found.pk).exists():
        raise ValidationError(
            {"number": _("You can already open %(ref)s; no reason is needed.") % {"ref": found}}
        )
    return _open(actor, found, reason, request)


@transaction.atomic
def _open(actor: User, found, reason: str, request) -> EmergencyAccess:
    until = timezone.now() + timedelta(hours=BREAK_HOURS)
    # The reason is the FG's to read: the record's own timeline, which its team reads,
    # says only that it was opened with one.
    share = share_grant(
        actor=actor,
        obj=found,
        user=actor,
        purpose=_("Opened with a reason (reported to the privacy officer)"),
        expires_at=until,
        emergency=True,
    )
    access = EmergencyAccess(
        user=actor,
        object_type=found._meta.label_lower,
        object_uuid=found.uuid,
        reference=found.reference,
        reason=reason,
        share=share,
        until=until,
    )
    access.full_clean()
    access.save()
    audit_record(
        actor=actor,
        action=AuditAction.GLASS_BROKEN,
        obj=found,
        request=request,
        purpose="break the glass",
        extra={"until": until.isoformat(), "opening": str(access.uuid), "reason": reason},
    )
    text = _("%(user)s opened %(ref)s of another team with a reason. Judge it.") % {
        "user": actor.get_full_name() or actor.username,
        "ref": found.reference,
    }
    url = reverse("privacy:opening", args=[access.uuid])
    transaction.on_commit(
        lambda: notify(
            users=users_with_permission(JUDGE_PERMISSION),
            text=text,
            url=url,
            once=f"glass-{access.uuid}",
        )
    )
    return access


@transaction.atomic
def glass_end(*, actor: User, access: EmergencyAccess) -> EmergencyAccess:
    """Close an opening before its time: the user who opened it is done."""
    current = lock_current(EmergencyAccess.objects, pk=access.pk, version=None, message=STALE)
    if current.user_id != actor.pk:
        raise PermissionDenied
    now = timezone.now()
    if current.ended_at or current.until <= now:
        return current
    current.ended_at = now
    current.save(update_fields=["ended_at", "updated_at"])
    if current.share is not None:
        share_end(actor=actor, share=current.share)
    audit_record(
        actor=actor,
        action=AuditAction.GLASS_ENDED,
        obj=current,
        extra={"reference": current.reference},
    )
    return current


@transaction.atomic
def glass_judge(
    *, actor: User, access: EmergencyAccess, judgement: str, note: str = ""
) -> EmergencyAccess:
    """The FG's judgement of an opening: justified or not, with a note (required when not)."""
    if not may_judge(actor):
        raise PermissionDenied
    current = lock_current(EmergencyAccess.objects, pk=access.pk, version=None, message=STALE)
    if current.user_id == actor.pk:
        raise ValidationError(_("Someone else judges your own opening."))
    note = note.strip()
    if judgement not in (Judgement.JUSTIFIED, Judgement.UNJUSTIFIED):
        raise ValidationError({"judgement": _("Choose justified or not justified.")})
    if judgement == Judgement.UNJUSTIFIED and not note:
        raise ValidationError(
            {"note": _("Write down what was not justified and what you did about it.")}
        )
    old = {"judgement": current.judgement, "note": current.judgement_note}
    current.judgement, current.judgement_note = judgement, note
    current.judged_by, current.judged_at = actor, timezone.now()
    current.save(
        update_fields=["judgement", "judgement_note", "judged_by", "judged_at", "updated_at"]
    )
    audit_record(
        actor=actor,
        action=AuditAction.GLASS_JUDGED,
        obj=current,
        old=old,
        new={"judgement": judgement, "note": note},
    )
    return current


def emergency_list(*, user, judgement: str | None = None) -> QuerySet[EmergencyAccess]:
    """Every opening for the FG, newest first; ``judgement`` "" for those not judged yet."""
    if not may_judge(user):
        return EmergencyAccess.objects.none()
    rows = EmergencyAccess.objects.select_related("user", "judged_by")
    return rows if judgement is None else rows.filter(judgement=judgement)


def my_openings(*, user) -> QuerySet[EmergencyAccess]:
    return EmergencyAccess.objects.filter(user=user).order_by("-created_at", "-id")


def emergency_get(*, user, access_id, request=None) -> EmergencyAccess:
    return visible_get(
        emergency_list(user=user),
        user=user,
        object_id=access_id,
        action=AuditAction.GLASS_VIEWED,
        request=request,
    )


def reads_under(access: EmergencyAccess) -> QuerySet[AuditRecord]:
    """What the user did with the record while it was open to them."""
    return AuditRecord.objects.filter(
        actor_id=access.user_id,
        object_type=access.object_type,
        object_id=str(access.object_uuid),
        created_at__gte=access.created_at,
        created_at__lte=access.closes_at,
    ).order_by("created_at", "id")
