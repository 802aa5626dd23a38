"""Address checks (BRP): does who is registered at an address live there?"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import Team, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.references import next_reference
from weerbaar.core.restrictions import refuse_if_restricted
from weerbaar.inspections import hooks
from weerbaar.inspections.constants import RECHECK_DAYS, CheckOutcome
from weerbaar.inspections.models import AddressCheck
from weerbaar.inspections.ownership import owner_team_for


def _new_check(
    *, actor, address, planned_on, owner_team, signal=None, previous=None, alert_reference=""
):
    check = AddressCheck(
        reference=next_reference("AC"),
        address=address,
        planned_on=planned_on,
        owner_team=owner_team,
        signal=signal,
        alert_reference=alert_reference.strip(),
    )
    check.full_clean()
    check.save()
    audit_record(
        actor=actor,
        action=AuditAction.ADDRESS_CHECK_PLANNED,
        obj=check,
        subject_ref=str(address.uuid),
        new={
            "reference": check.reference,
            "planned_on": str(planned_on),
            "signal": signal.reference if signal else "",
            "alert": check.alert_reference,
            "after": previous.reference if previous else "",
        },
    )
    return check


@transaction.atomic
def check_plan(
    *,
    actor: User,
    address,
    planned_on,
    signal=None,
    owner_team: Team | None = None,
    alert_reference: str = "",
) -> AddressCheck:
    """Plan a check of ``address``, typed in or from a signal or an alert."""
    if planned_on < timezone.localdate():
        raise ValidationError({"planned_on": _("A new check cannot be planned in the past.")})
    refuse_if_restricted(address)
    team = owner_team or (signal.owner_team if signal else None)
    return _new_check(
        actor=actor,
        address=address,
        planned_on=planned_on,
        owner_team=owner_team_for(actor, team),
        signal=signal,
        alert_reference=alert_reference,
    )


@transaction.atomic
def check_record(
    *,
    actor: User,
    check: AddressCheck,
    checked_on,
    outcome: str,
    persons=(),
    notes: str = "",
    next_on=None,
) -> AddressCheck:
    """The outcome of a check. "Incorrect" notes the report for a BRP address investigation;
    "nobody found" plans the next check (``next_on``, a week later when not given)."""
    refuse_if_restricted(*persons)
    check = AddressCheck.objects.select_for_update().get(pk=check.pk)
    if check.outcome:
        raise ValidationError(_("The outcome of this check has been recorded already."))
    if checked_on > timezone.localdate():
        raise ValidationError({"checked_on": _("This date lies in the future.")})
    if outcome not in CheckOutcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    if outcome == CheckOutcome.NOBODY:
        next_on = next_on or checked_on + timedelta(days=RECHECK_DAYS)
        if next_on <= checked_on:
            raise ValidationError({"next_on": _("The next check comes after this one.")})
    check.checked_on, check.outcome, check.notes = checked_on, outcome, notes.strip()
    check.brp_reported = outcome == CheckOutcome.INCORRECT
    if outcome == CheckOutcome.NOBODY:
        check.follow_up = _new_check(
            actor=actor,
            address=check.address,
            planned_on=next_on,
            owner_team=check.owner_team,
            signal=check.signal,
            previous=check,
            alert_reference=check.alert_reference,
        )
    check.full_clean()
    check.save(update_fields=["checked_on", "outcome", "notes", "brp_reported", "follow_up"])
    check.persons.set(persons)
    audit_record(
        actor=actor,
        action=AuditAction.ADDRESS_CHECK_RECORDED,
        obj=check,
        subject_ref=str(check.address.uuid),
        new={
            "outcome": outcome,
            "checked_on": str(checked_on),
            "persons": [str(p.uuid) for p in persons],
            "brp_reported": check.brp_reported,
        },
    )
    hooks.closed(
        actor=actor,
        closed=hooks.Closed(
            reference=check.reference,
            kind=_("Address check"),
            day=checked_on,
            outcome=check.get_outcome_display(),
            alert_reference=check.alert_reference,
        ),
        signal=check.signal,
    )
    return check
