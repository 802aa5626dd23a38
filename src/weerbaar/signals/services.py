"""Public API of the signals app for writes. Every report from every inflow becomes a signal
through ``signal_create``."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.references import next_reference
from weerbaar.core.restrictions import refuse_if_restricted
from weerbaar.signals.bulk import signals_assign  # noqa: F401
from weerbaar.signals.closing import signal_status_move  # noqa: F401
from weerbaar.signals.constants import (
    ALLOWED,
    REASON_REQUIRED,
    RETENTION_NO_ACTION,
    Channel,
    EnrichmentKind,
    SignalStatus,
    SubjectRole,
    Visibility,
    WeighingPhase,
)
from weerbaar.signals.corrections import (  # noqa: F401
    enrichment_edit,
    enrichment_remove,
    may_correct_enrichment,
    signal_reopen,
    signal_subject_role_set,
)
from weerbaar.signals.locks import locked
from weerbaar.signals.merging import signal_merge, signal_merge_undo  # noqa: F401
from weerbaar.signals.models import (
    Enrichment,
    Phenomenon,
    RetentionRule,
    SavedView,
    Signal,
    SignalSubject,
    Weighing,
)
from weerbaar.signals.routing import signal_route  # noqa: F401


@transaction.atomic
def signal_create(
    *,
    actor: User | None,
    channel: Channel,
    description: str,
    phenomenon: Phenomenon | None = None,
    location_text: str = "",
    address=None,
    occurred: str = "",
    involved: str = "",
    owner_team=None,
) -> Signal:
    refuse_if_restricted(address)
    signal = Signal(
        reference=next_reference("S"),
        channel=channel,
        description=description.strip(),
        phenomenon=phenomenon,
        location_text=location_text.strip(),
        address=address,
        occurred=occurred.strip(),
        involved=involved.strip(),
        # The day only: a public report's moment of sending is not kept (SECURITY.md P6).
        reported_on=timezone.localdate(),
        owner_team=owner_team,
    )
    signal.full_clean()
    signal.save()
    code = phenomenon.code if phenomenon else ""
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_CREATED,
        obj=signal,
        new={"reference": signal.reference, "channel": channel, "phenomenon": code},
        day_only=channel == Channel.PUBLIC,
    )
    return signal


@transaction.atomic
def signal_triage(
    *,
    actor: User,
    signal: Signal,
    version: int | None,
    phenomenon: Phenomenon | None,
    urgency: str,
    summary: str = "",
    assigned_to=None,
    location_text: str | None = None,
) -> Signal:
    """Record what the signal is about, where, how urgent it is and who works on it."""
    signal = locked(signal, version)
    fields = ("phenomenon_id", "urgency", "summary", "assigned_to_id", "location_text")
    old = {f: getattr(signal, f) for f in fields}
    signal.phenomenon, signal.urgency = phenomenon, urgency
    signal.summary, signal.assigned_to = summary.strip(), assigned_to
    if location_text is not None:
        signal.location_text = location_text.strip()
    signal.version += 1
    signal.full_clean()
    signal.save(update_fields=[*(f.removesuffix("_id") for f in fields), "version"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_TRIAGED,
        obj=signal,
        old={k: str(v) for k, v in old.items()},
        new={f: str(getattr(signal, f)) for f in fields},
    )
    return signal


@transaction.atomic
def signal_set_status(
    *,
    actor: User | None,
    signal: Signal,
    status: SignalStatus,
    reason: str = "",
    version: int | None = None,
) -> Signal:
    """Move the signal along the flow of ``ALLOWED``; some steps need a reason."""
    signal = locked(signal, version)
    if status not in ALLOWED[SignalStatus(signal.status)]:
        raise ValidationError(
            _("A signal with status “%(old)s” cannot become “%(new)s”.")
            % {"old": signal.get_status_display(), "new": SignalStatus(status).label}
        )
    if status in REASON_REQUIRED and len(reason.strip()) < 5:
        raise ValidationError(_("Give the reason for this step."))
    old = signal.status
    signal.status = status
    signal.version += 1
    closing = status == SignalStatus.CLOSED
    signal.retain_until = _retention_end(signal) if closing else None
    signal.closed_on = timezone.localdate() if closing else None
    signal.save(update_fields=["status", "version", "retain_until", "closed_on"])
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_STATUS_CHANGED,
        obj=signal,
        old={"status": old},
        new={"status": status, "retain_until": signal.retain_until},
        purpose=reason.strip(),
    )
    return signal


def _retention_end(signal: Signal):
    """The last day a signal that ends without action is kept; None when it led to a case
    (the case's own retention then applies)."""
    if signal.led_to_case:
        return None
    rule = RetentionRule.objects.filter(code=RETENTION_NO_ACTION).first()
    days = rule.days if rule else 365
    return timezone.localdate() + timedelta(days=days)


def weighing_passed(*, signal: Signal, phase: WeighingPhase) -> bool:
    """True when the latest weighing for ``phase`` found the step proportional and subsidiary."""
    latest = signal.weighings.filter(phase=phase).order_by("-recorded_at", "-id").first()
    return bool(latest and latest.proportional and latest.subsidiary)


def _require_weighing(signal: Signal, phase: WeighingPhase) -> None:
    if not weighing_passed(signal=signal, phase=phase):
        raise ValidationError(
            _(
                "First record the privacy weighing for this step: purpose, proportionality "
                "and subsidiarity (%(phase)s)."
            )
            % {"phase": WeighingPhase(phase).label.lower()}
        )


@transaction.atomic
def weighing_record(
    *,
    actor: User,
    signal: Signal,
    phase: WeighingPhase,
    purpose: str,
    purpose_text: str,
    proportional: bool,
    proportionality_text: str,
    subsidiary: bool,
    subsidiarity_text: str,
) -> Weighing:
    """Record the regisseur's weighing; a negative weighing is kept too and blocks the step."""
    weighing = Weighing(
        signal=signal,
        phase=phase,
        purpose=purpose,
        purpose_text=purpose_text.strip(),
        proportional=proportional,
        proportionality_text=proportionality_text.strip(),
        subsidiary=subsidiary,
        subsidiarity_text=subsidiarity_text.strip(),
        recorded_by=actor,
    )
    weighing.full_clean()
    weighing.save()
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_WEIGHED,
        obj=signal,
        purpose=weighing.purpose_text,
        new={
            "phase": phase,
            "purpose": purpose,
            "proportional": proportional,
            "subsidiary": subsidiary,
            "proportionality": weighing.proportionality_text,
            "subsidiarity": weighing.subsidiarity_text,
        },
    )
    return weighing


@transaction.atomic
def enrichment_add(
    *,
    actor: User,
    signal: Signal,
    text: str,
    source: str,
    source_date,
    kind: str = EnrichmentKind.SOFT,
    source_grade: str = "",
    info_grade: str = "",
    visibility: str = Visibility.INTERNAL,
) -> Enrichment:
    """Add information to a signal; refused before a positive weighing for enrichment."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    _require_weighing(signal, WeighingPhase.ENRICHMENT)
    if source_date > timezone.localdate():
        raise ValidationError({"source_date": _("The date of the information lies in the future.")})
    if kind == EnrichmentKind.SOFT and not (source_grade and info_grade):
        raise ValidationError(
            _("Grade the reliability of both the source (A-D) and the information (1-4).")
        )
    if kind == EnrichmentKind.FACT:
        # A registration is not graded like intelligence: it is what the register says.
        source_grade = info_grade = ""
    enrichment = Enrichment(
        signal=signal,
        kind=kind,
        text=text.strip(),
        source=source.strip(),
        source_date=source_date,
        source_grade=source_grade,
        info_grade=info_grade,
        visibility=visibility,
        added_by=actor,
    )
    enrichment.full_clean()
    enrichment.save()
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_ENRICHED,
        obj=signal,
        new={
            "enrichment": str(enrichment.uuid),
            "kind": kind,
            "source": enrichment.source,
            "grading": enrichment.grading,
            "visibility": visibility,
        },
    )
    return enrichment


@transaction.atomic
def signal_link_subject(*, actor: User | None, signal: Signal, subject, role: str) -> SignalSubject:
    refuse_if_restricted(subject)
    link, created = SignalSubject.objects.get_or_create(
        signal=signal, subject=subject, defaults={"role": role}
    )
    if not created:
        raise ValidationError(_("This subject is already linked to the signal."))
    if role == SubjectRole.LOCATION and subject.kind == "address" and not signal.address_id:
        # The address found for the location becomes the signal's own address.
        Signal.objects.filter(pk=signal.pk).update(address=subject, version=F("version") + 1)
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_SUBJECT_LINKED,
        obj=signal,
        subject_ref=subject.uuid,
        new={"subject": str(subject.uuid), "kind": subject.kind, "role": role},
    )
    return link


@transaction.atomic
def signal_unlink_subject(*, actor: User, signal: Signal, subject, reason: str = "") -> None:
    links = SignalSubject.objects.filter(signal=signal, subject=subject)
    role = links.values_list("role", flat=True).first()
    deleted, _rows = links.delete()
    if deleted:
        audit_record(
            actor=actor,
            action=AuditAction.SIGNAL_SUBJECT_UNLINKED,
            obj=signal,
            subject_ref=subject.uuid,
            purpose=reason.strip(),
            old={"subject": str(subject.uuid), "role": role},
        )


@transaction.atomic
def signal_relate(*, actor: User, signal: Signal, other: Signal) -> None:
    if signal.pk == other.pk:
        raise ValidationError(_("A signal cannot be related to itself."))
    signal.related.add(other)
    audit_record(
        actor=actor, action=AuditAction.SIGNAL_RELATED, obj=signal, new={"other": str(other.uuid)}
    )


@transaction.atomic
def signal_case_decided(*, actor: User, signal: Signal) -> Signal:
    """Record that the signal goes on as a case; refused without the case-phase weighing."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    _require_weighing(signal, WeighingPhase.CASE)
    signal.led_to_case = True
    signal.retain_until = None
    signal.version += 1
    signal.save(update_fields=["led_to_case", "retain_until", "version"])
    return signal


@transaction.atomic
def signal_follow_up_record(*, actor: User, signal: Signal, text: str) -> None:
    """What came of a control or check that started from the signal, in the signal's
    timeline (an audit row on the signal, its words as the purpose): the signal's readers
    learn the outcome without reading the inspection itself."""
    audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_FOLLOWED_UP,
        obj=signal,
        purpose=text.strip()[:500],
        new={"outcome": text.strip()[:500]},
    )


def saved_view_save(*, user, name: str, query: str) -> SavedView:
    view, _created = SavedView.objects.update_or_create(
        user=user, name=name.strip(), defaults={"query": query[:500]}
    )
    return view


def saved_view_delete(*, user, view_id: int) -> None:
    SavedView.objects.filter(user=user, pk=view_id).delete()
