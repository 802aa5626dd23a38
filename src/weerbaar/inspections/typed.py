"""The candidate list typed in on the planning page: an address and why it deserves a
control, kept for the team until someone removes it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import Team, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.inspections.models import TypedCandidate
from weerbaar.inspections.ownership import owner_team_for


@transaction.atomic
def typed_candidate_add(
    *, actor: User, address, note: str, owner_team: Team | None = None
) -> TypedCandidate:
    """Keep ``address`` on the team's list of candidates, with why it deserves a control."""
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Say why this address deserves a control.")})
    candidate = TypedCandidate(
        address=address, note=note, owner_team=owner_team_for(actor, owner_team), added_by=actor
    )
    candidate.full_clean()
    candidate.save()
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_CANDIDATE_ADDED,
        obj=candidate,
        subject_ref=str(address.uuid),
        new={"note": note, "team": candidate.owner_team.name},
    )
    return candidate


@transaction.atomic
def typed_candidate_remove(*, actor: User, candidate: TypedCandidate) -> None:
    """Take a candidate off the list (it was planned, or it needs no control)."""
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_CANDIDATE_REMOVED,
        obj=candidate,
        subject_ref=str(candidate.address.uuid),
        old={"note": candidate.note},
    )
    TypedCandidate.objects.filter(pk=candidate.pk).delete()
