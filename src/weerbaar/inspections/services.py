"""Public API of the inspections app for writes: plan and prepare an inspection, record what
was found on site; the outcome and what it becomes (``after``) and the address checks
(``checks``) are their own modules, passed on here."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import Team, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.references import next_reference
from weerbaar.core.restrictions import refuse_if_restricted
from weerbaar.inspections import storage
from weerbaar.inspections.after import inspection_close as inspection_close
from weerbaar.inspections.after import inspection_to_case as inspection_to_case
from weerbaar.inspections.after import inspection_to_signal as inspection_to_signal
from weerbaar.inspections.checks import check_plan as check_plan
from weerbaar.inspections.checks import check_record as check_record
from weerbaar.inspections.constants import FindingResult, InspectionStatus, Measure
from weerbaar.inspections.models import (
    Finding,
    Inspection,
    InspectionKind,
    Participation,
    PartnerKind,
    Photo,
    ResearchNote,
)
from weerbaar.inspections.ownership import owner_team_for
from weerbaar.inspections.typed import typed_candidate_add as typed_candidate_add
from weerbaar.inspections.typed import typed_candidate_remove as typed_candidate_remove


@transaction.atomic
def inspection_plan(
    *,
    actor: User,
    kind: InspectionKind,
    planned_on,
    addresses,
    partners,
    businesses=(),
    purpose: str = "",
    owner_team: Team | None = None,
    signal=None,
    case=None,
    alert_reference: str = "",
) -> Inspection:
    """Plan an inspection of one or more addresses with the partner kinds that take part."""
    if planned_on < timezone.localdate():
        raise ValidationError({"planned_on": _("A new inspection cannot be planned in the past.")})
    if kind.measure != Measure.INSPECTIONS:
        raise ValidationError({"kind": _("Address checks are planned as address checks.")})
    if not addresses:
        raise ValidationError({"addresses": _("Name at least one address.")})
    refuse_if_restricted(*addresses, *businesses)
    if not partners:
        raise ValidationError({"partners": _("Choose at least one partner that takes part.")})
    inspection = Inspection(
        reference=next_reference("I"),
        kind=kind,
        planned_on=planned_on,
        purpose=purpose.strip(),
        owner_team=owner_team_for(actor, owner_team),
        signal=signal,
        case=case,
        alert_reference=alert_reference.strip(),
    )
    inspection.full_clean()
    inspection.save()
    inspection.addresses.set(addresses)
    inspection.businesses.set(businesses)
    Participation.objects.bulk_create(
        [Participation(inspection=inspection, partner_kind=p) for p in partners]
    )
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_PLANNED,
        obj=inspection,
        new={
            "reference": inspection.reference,
            "kind": kind.code,
            "planned_on": str(planned_on),
            "partners": [p.code for p in partners],
            "addresses": [str(a.uuid) for a in addresses],
        },
    )
    return inspection


def _locked(inspection: Inspection) -> Inspection:
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if inspection.status == InspectionStatus.CLOSED:
        raise ValidationError(_("This inspection is closed."))
    return inspection


@transaction.atomic
def safety_record(
    *, actor: User, inspection: Inspection, asked_on, answered_on=None, outcome: str = ""
) -> Inspection:
    """The police risk assessment for the staff's safety: asked, answered, what it says."""
    inspection = _locked(inspection)
    today = timezone.localdate()
    if asked_on and asked_on > today:
        raise ValidationError({"risk_asked_on": _("This date lies in the future.")})
    if answered_on and (not asked_on or answered_on < asked_on):
        raise ValidationError(
            {"risk_answered_on": _("The answer cannot come before the question.")}
        )
    if answered_on and answered_on > today:
        raise ValidationError({"risk_answered_on": _("This date lies in the future.")})
    fields = ["risk_asked_on", "risk_answered_on", "risk_outcome"]
    old = {f: str(getattr(inspection, f) or "") for f in fields}
    inspection.risk_asked_on, inspection.risk_answered_on = asked_on, answered_on
    inspection.risk_outcome = outcome.strip()
    inspection.save(update_fields=fields)
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_PREPARED,
        obj=inspection,
        old=old,
        new={f: str(getattr(inspection, f) or "") for f in fields},
    )
    return inspection


@transaction.atomic
def research_add(
    *,
    actor: User,
    inspection: Inspection,
    business,
    source_url: str,
    consulted_on,
    found: str,
    source_grade: str,
    info_grade: str,
) -> ResearchNote:
    """Open-source research on one of the inspection's businesses, graded."""
    inspection = _locked(inspection)
    if not inspection.businesses.filter(pk=business.pk).exists():
        raise ValidationError({"business": _("This business is not part of the inspection.")})
    if consulted_on > timezone.localdate():
        raise ValidationError({"consulted_on": _("This date lies in the future.")})
    note = ResearchNote(
        inspection=inspection,
        business=business,
        source_url=source_url.strip(),
        consulted_on=consulted_on,
        found=found.strip(),
        source_grade=source_grade,
        info_grade=info_grade,
        author=actor,
    )
    note.full_clean()
    note.save()
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_RESEARCHED,
        obj=inspection,
        subject_ref=str(business.uuid),
        new={"source_url": note.source_url, "grading": note.grading},
    )
    return note


def _participation(inspection: Inspection, partner: PartnerKind) -> Participation:
    found = inspection.participations.filter(partner_kind=partner).first()
    if found is None:
        raise ValidationError(
            {
                "partner": _("%(partner)s did not take part in this inspection.")
                % {"partner": partner}
            }
        )
    return found


@transaction.atomic
def findings_record(
    *, actor: User, inspection: Inspection, partner: PartnerKind, results: dict, notes: str = ""
) -> Participation:
    """One partner's checklist: ``results`` maps each checklist item to (result, note)."""
    inspection = _locked(inspection)
    participation = _participation(inspection, partner)
    own = set(partner.items.values_list("pk", flat=True))
    if any(item.pk not in own for item in results):
        raise ValidationError(_("An item does not belong to the checklist of this partner."))
    for item, (result, note) in results.items():
        if result not in FindingResult.values:
            raise ValidationError(_("Choose a finding for every item."))
        Finding.objects.update_or_create(
            inspection=inspection,
            item=item,
            defaults={"partner_kind": partner, "result": result, "note": note.strip()[:500]},
        )
    participation.notes = notes.strip()
    participation.save(update_fields=["notes"])
    if inspection.status == InspectionStatus.PLANNED:
        inspection.status, inspection.held_on = InspectionStatus.HELD, timezone.localdate()
        inspection.save(update_fields=["status", "held_on"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_FINDINGS,
        obj=inspection,
        new={
            "partner": partner.code,
            "findings": {str(i.pk): r for i, (r, _n) in results.items()},
        },
    )
    return participation


@transaction.atomic
def photo_add(*, actor: User, inspection: Inspection, clean, partner=None) -> Photo:
    """A photo cleaned by ``core.uploads.clean_upload`` (metadata removed), kept with the
    inspection; the file is written in this transaction and removed when it fails."""
    inspection = _locked(inspection)
    if not clean.content_type.startswith("image/"):
        raise ValidationError({"photo": _("Only photos (JPEG, PNG) can be added here.")})
    if partner is not None:
        _participation(inspection, partner)
    photo = Photo(
        inspection=inspection,
        partner_kind=partner,
        file_name=clean.name,
        content_type=clean.content_type,
        size=len(clean.data),
    )
    written = storage.write(photo.uuid, clean.data)
    try:
        photo.save()
        audit_record(
            actor=actor,
            action=AuditAction.INSPECTION_PHOTO_ADDED,
            obj=inspection,
            new={"photo": str(photo.uuid), "partner": partner.code if partner else ""},
        )
    except BaseException:
        written.unlink(missing_ok=True)
        raise
    return photo
