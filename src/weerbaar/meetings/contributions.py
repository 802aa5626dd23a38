"""Partners adding what they know to an LIO item that was shared with them.

What a partner adds is graded like enrichment (4x4) and read by the municipality; the other
partners read it only once the regisseur shares it with them (SECURITY.md P21: a partner never
reads another partner's information unless it is shared).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.meetings.constants import MeetingStatus
from weerbaar.meetings.models import AgendaItem, Contribution
from weerbaar.signals.constants import InfoGrade, SourceGrade


def _open_for_partners(item: AgendaItem) -> None:
    if not (item.meeting.is_lio and item.shared_with_partners):
        raise ValidationError(
            _("Partners can add information only to an item shared with the LIO.")
        )
    if item.meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("The minutes of this meeting are final; nothing can be added."))


@transaction.atomic
def contribution_add(
    *, actor: User, item: AgendaItem, text: str, source_grade: str, info_grade: str
) -> Contribution:
    """A partner's information on ``item`` (which the caller found through ``item_get``)."""
    item = AgendaItem.objects.select_related("meeting__series", "signal").get(pk=item.pk)
    _open_for_partners(item)
    errors = {}
    if not text.strip():
        errors["text"] = _("Write down the information.")
    if source_grade not in SourceGrade.values:
        errors["source_grade"] = _("Grade the reliability of the source (A-D).")
    if info_grade not in InfoGrade.values:
        errors["info_grade"] = _("Grade the reliability of the information (1-4).")
    if errors:
        raise ValidationError(errors)
    contribution = Contribution.objects.create(
        item=item,
        author=actor,
        organisation=actor.organisation,
        text=text.strip(),
        source_grade=source_grade,
        info_grade=info_grade,
    )
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_CONTRIBUTED,
        obj=item.signal,
        new={
            "meeting": str(item.meeting.uuid),
            "contribution": str(contribution.uuid),
            "grading": contribution.grading,
        },
    )
    return contribution


@transaction.atomic
def contribution_share(*, actor: User, contribution: Contribution, shared: bool) -> Contribution:
    """Share a partner's information with the other partners of the LIO, or withdraw it."""
    contribution = (
        Contribution.objects.select_for_update()
        .select_related("item__meeting__series", "item__signal")
        .get(pk=contribution.pk)
    )
    if contribution.item.meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("The minutes of this meeting are final; nothing can be changed."))
    old = contribution.shared_with_partners
    contribution.shared_with_partners = shared
    contribution.save(update_fields=["shared_with_partners"])
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_CONTRIBUTION_SHARED,
        obj=contribution.item.signal,
        old={"shared": old},
        new={"shared": shared, "contribution": str(contribution.uuid)},
    )
    return contribution
