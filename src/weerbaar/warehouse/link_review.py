"""The analyst's review of the pairs the record linkage could not decide on its own."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.warehouse.models import RegistryLink


@transaction.atomic
def link_decide(*, actor, link: RegistryLink, same: bool) -> RegistryLink:
    """The analyst's judgement of a pair waiting for review: the same person (the link
    counts from now on) or not (the pair is never proposed again). The pair is locked and
    its status checked again, so two analysts cannot both decide it."""
    locked = RegistryLink.objects.select_for_update().filter(pk=link.pk).first()
    if locked is None or locked.status != RegistryLink.Status.REVIEW:
        raise ValidationError(_("This pair no longer waits for review; see its status."))
    locked.status = RegistryLink.Status.CONFIRMED if same else RegistryLink.Status.REJECTED
    locked.decided_by, locked.decided_at = actor, timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditAction.REGISTRY_LINK_DECIDED,
        obj=locked,
        subject_ref=link.subject.uuid,
        new={"status": locked.status, "probability": locked.match_probability},
    )
    return locked
