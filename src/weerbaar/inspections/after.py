"""After the inspection: its outcome, the partners that follow up, and what it becomes (a
signal or a case carrying the findings, linked back)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.cases.constants import SubjectRole as CaseRole
from weerbaar.cases.services import case_open, note_add
from weerbaar.inspections import hooks
from weerbaar.inspections.constants import FindingResult, InspectionStatus, Outcome
from weerbaar.inspections.models import Inspection
from weerbaar.inspections.summary import findings_text
from weerbaar.signals.constants import Channel
from weerbaar.signals.constants import SubjectRole as SignalRole
from weerbaar.signals.services import signal_create, signal_link_subject


@transaction.atomic
def inspection_close(
    *, actor: User, inspection: Inspection, outcome: str, text: str = "", follow_up=()
) -> Inspection:
    """Record the outcome and which partners follow up; the inspection is then closed."""
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if inspection.status == InspectionStatus.CLOSED:
        raise ValidationError(_("This inspection is closed."))
    if inspection.planned_on > timezone.localdate():
        raise ValidationError(_("An inspection planned for a later day cannot be closed yet."))
    violations = inspection.findings.filter(result=FindingResult.VIOLATION).exists()
    if outcome == Outcome.NO_FINDINGS and violations:
        raise ValidationError(
            {"outcome": _("Violations were recorded; the outcome is “findings”.")}
        )
    taking_part = {p.partner_kind_id: p for p in inspection.participations.all()}
    if any(p.pk not in taking_part for p in follow_up):
        raise ValidationError({"follow_up": _("Only a partner that took part can follow up.")})
    for participation in taking_part.values():
        participation.follows_up = participation.partner_kind in follow_up
        participation.save(update_fields=["follows_up"])
    inspection.outcome, inspection.outcome_text = outcome, text.strip()
    inspection.status = InspectionStatus.CLOSED
    inspection.held_on = inspection.held_on or inspection.planned_on
    inspection.full_clean()
    inspection.save(update_fields=["outcome", "outcome_text", "status", "held_on"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_CLOSED,
        obj=inspection,
        new={"outcome": outcome, "follow_up": [p.code for p in follow_up]},
    )
    hooks.closed(
        actor=actor,
        closed=hooks.Closed(
            reference=inspection.reference,
            kind=inspection.kind.name,
            day=inspection.held_on,
            outcome=inspection.get_outcome_display(),
            alert_reference=inspection.alert_reference,
        ),
        signal=inspection.signal,
    )
    return inspection


def _closed_unmade(inspection: Inspection) -> Inspection:
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if inspection.status != InspectionStatus.CLOSED:
        raise ValidationError(_("Record the outcome first."))
    if inspection.made_signal_id or inspection.made_case_id:
        raise ValidationError(_("A signal or case was already made from this inspection."))
    return inspection


@transaction.atomic
def inspection_to_signal(*, actor: User, inspection: Inspection):
    """A signal for the team, with the findings as its description and the addresses and
    businesses linked; the inspection keeps the link."""
    inspection = _closed_unmade(inspection)
    addresses = list(inspection.addresses.all())
    signal = signal_create(
        actor=actor,
        channel=Channel.INTERNAL,
        description=findings_text(inspection),
        address=addresses[0] if addresses else None,
        owner_team=inspection.owner_team,
    )
    for address in addresses[1:]:
        signal_link_subject(actor=actor, signal=signal, subject=address, role=SignalRole.LOCATION)
    for business in inspection.businesses.all():
        signal_link_subject(actor=actor, signal=signal, subject=business, role=SignalRole.INVOLVED)
    inspection.made_signal = signal
    inspection.save(update_fields=["made_signal"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_TO_SIGNAL,
        obj=inspection,
        new={"signal": signal.reference},
    )
    return signal


@transaction.atomic
def inspection_to_case(*, actor: User, inspection: Inspection, case_type, title: str = ""):
    """A case of ``case_type`` for the inspection's team, with its addresses and businesses
    and the findings as its first note; the inspection keeps the link."""
    inspection = _closed_unmade(inspection)
    subjects = [(a, CaseRole.LOCATION) for a in inspection.addresses.all()]
    subjects += [(b, CaseRole.CONCERNED) for b in inspection.businesses.all()]
    first = subjects[0][0].label if subjects else inspection.reference
    case = case_open(
        actor=actor,
        case_type=case_type,
        title=title or f"{inspection.kind.name} {first}",
        owner_team=inspection.owner_team,
        subjects=subjects,
        origin=inspection.reference,
    )
    note_add(actor=actor, case=case, text=findings_text(inspection))
    inspection.made_case = case
    inspection.save(update_fields=["made_case"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_TO_CASE,
        obj=inspection,
        new={"case": case.reference},
    )
    return case
