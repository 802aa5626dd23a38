"""Public API of the interventions app for writes: starting a measure, its procedure
dates, forfeitures and its end here; its letters in ``services/letters.py``."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.deadlines import add_months
from weerbaar.core.locking import lock_current
from weerbaar.interventions import deadlines
from weerbaar.interventions.constants import Result, Stage
from weerbaar.interventions.models import Deadline, Forfeiture, Instrument, Intervention, PolicyRule
from weerbaar.interventions.procedure import STEP_FIELDS as STEP_FIELDS
from weerbaar.interventions.procedure import stage_of, validate
from weerbaar.interventions.services.letters import letter_make as letter_make
from weerbaar.interventions.services.letters import letter_texts_restore as letter_texts_restore
from weerbaar.interventions.services.letters import letter_texts_save as letter_texts_save


def suggest(*, premise_type: str, finding: str, offence: int) -> PolicyRule | None:
    """The cell of the policy matrix for this situation (offences past 3 count as 3)."""
    if not (premise_type and finding and offence):
        return None
    return (
        PolicyRule.objects.select_related("measure")
        .filter(premise_type=premise_type, finding=finding, offence=min(offence, 3))
        .first()
    )


def describe(rule: PolicyRule | None) -> str:
    if rule is None:
        return ""
    if rule.indefinite:
        return _("%(measure)s, indefinitely") % {"measure": rule.measure.name}
    if rule.duration_months:
        return _("%(measure)s for %(months)s months") % {
            "measure": rule.measure.name,
            "months": rule.duration_months,
        }
    return str(rule.measure.name)


def _deviates(rule, instrument, duration_months, indefinite) -> bool:
    if rule is None:
        return False
    return (
        rule.measure_id != instrument.pk
        or (rule.duration_months or None) != (duration_months or None)
        or rule.indefinite != indefinite
    )


@transaction.atomic
def intervention_start(
    *,
    actor: User,
    case,
    instrument: Instrument,
    owner=None,
    premise_type: str = "",
    finding: str = "",
    offence: int | None = None,
    duration_months: int | None = None,
    indefinite: bool = False,
    deviation_reason: str = "",
    penalty_amount: Decimal | None = None,
    penalty_unit: str = "",
    penalty_maximum: Decimal | None = None,
) -> Intervention:
    """Start a measure on a case. Where the policy matrix has a cell for the situation, a
    different measure or duration needs the reason in words."""
    if case.is_closed:
        raise ValidationError(_("This case is closed."))
    rule = suggest(premise_type=premise_type, finding=finding, offence=offence or 0)
    if (
        _deviates(rule, instrument, duration_months, indefinite)
        and len(deviation_reason.strip()) < 10
    ):
        raise ValidationError(
            {
                "deviation_reason": _(
                    "The policy says: %(measure)s. Explain why you deviate from it."
                )
                % {"measure": describe(rule)}
            }
        )
    if instrument.is_penalty:
        _check_penalty(penalty_amount, penalty_unit, penalty_maximum)
    intervention = Intervention(
        case=case,
        instrument=instrument,
        owner=owner or actor,
        premise_type=premise_type,
        finding=finding,
        offence=offence,
        suggestion=describe(rule),
        deviation_reason=deviation_reason.strip(),
        duration_months=duration_months,
        indefinite=indefinite,
        penalty_amount=penalty_amount,
        penalty_unit=penalty_unit,
        penalty_maximum=penalty_maximum,
    )
    intervention.full_clean()
    intervention.save()
    audit_record(
        actor=actor,
        action=AuditAction.INTERVENTION_STARTED,
        obj=case,
        new={
            "intervention": str(intervention.uuid),
            "instrument": instrument.code,
            "suggestion": intervention.suggestion,
            "deviates": bool(intervention.deviation_reason),
        },
    )
    return intervention


def _check_penalty(amount, unit, maximum) -> None:
    errors = {}
    if not amount or amount <= 0:
        errors["penalty_amount"] = _("Give the penalty amount.")
    if not unit:
        errors["penalty_unit"] = _("Say per what the penalty is forfeited.")
    if not maximum or (amount and maximum < amount):
        errors["penalty_maximum"] = _("Give a maximum of at least the penalty amount.")
    if errors:
        raise ValidationError(errors)


def refresh_deadlines(i: Intervention) -> None:
    """Rewrite the intervention's deadline rows from its dates."""
    Deadline.objects.filter(intervention=i).delete()
    finished = bool(i.result)
    Deadline.objects.bulk_create(
        [
            Deadline(
                intervention=i,
                kind=kind,
                due_on=due,
                done=done or finished,
                forfeiture=forfeiture,
                owner_id=i.owner_id,
                team_id=i.case.owner_team_id,
            )
            for kind, due, done, forfeiture in deadlines.compute(i)
        ]
    )


def _locked(i: Intervention, version) -> Intervention:
    return lock_current(
        Intervention.objects.select_related("instrument", "case"),
        pk=i.pk,
        version=version,
        message=_(
            "Someone else changed this intervention in the meantime. Check it and try again."
        ),
    )


@transaction.atomic
def intervention_record(
    *, actor: User, intervention: Intervention, version=None, **changes
) -> Intervention:
    """Record procedure dates (any of ``STEP_FIELDS``); refused when they are out of order."""
    i = _locked(intervention, version)
    if i.result:
        raise ValidationError(_("This intervention is finished."))
    unknown = set(changes) - set(STEP_FIELDS)
    if unknown:
        raise ValueError(f"not a procedure field: {sorted(unknown)}")
    old = {k: getattr(i, k) for k in changes}
    for key, value in changes.items():
        setattr(i, key, value)
    if i.execution_from and not i.execution_until and i.duration_months and not i.indefinite:
        i.execution_until = add_months(i.execution_from, i.duration_months)
    validate(i)
    i.stage, i.version = stage_of(i), i.version + 1
    i.save()
    refresh_deadlines(i)
    audit_record(
        actor=actor,
        action=AuditAction.INTERVENTION_STEP,
        obj=i.case,
        old={"intervention": str(i.uuid), **old},
        new={"intervention": str(i.uuid), **changes, "stage": i.stage},
    )
    return i


@transaction.atomic
def forfeiture_add(
    *, actor: User, intervention: Intervention, forfeited_on: date, amount: Decimal
) -> Forfeiture:
    i = _locked(intervention, None)
    if not i.instrument.is_penalty:
        raise ValidationError(_("Only a penalty order can forfeit."))
    if not i.made_known_on or forfeited_on < i.made_known_on:
        raise ValidationError(
            {"forfeited_on": _("A penalty can only be forfeited after the decision is made known.")}
        )
    if forfeited_on > timezone.localdate():
        raise ValidationError({"forfeited_on": _("This date lies in the future.")})
    total = (i.forfeitures.aggregate(s=Sum("amount"))["s"] or Decimal(0)) + amount
    if amount <= 0 or total > i.penalty_maximum:
        raise ValidationError(
            {
                "amount": _(
                    "Together the forfeitures would be € %(total)s, above the maximum of "
                    "€ %(maximum)s."
                )
                % {"total": total, "maximum": i.penalty_maximum}
            }
        )
    forfeiture = Forfeiture.objects.create(intervention=i, forfeited_on=forfeited_on, amount=amount)
    refresh_deadlines(i)
    audit_record(
        actor=actor,
        action=AuditAction.INTERVENTION_FORFEITURE,
        obj=i.case,
        new={"intervention": str(i.uuid), "forfeited_on": forfeited_on, "amount": str(amount)},
    )
    return forfeiture


@transaction.atomic
def intervention_finish(
    *, actor: User, intervention: Intervention, result: str, version=None
) -> Intervention:
    i = _locked(intervention, version)
    if result not in Result.values:
        raise ValidationError({"result": _("Choose a result.")})
    if result == Result.EXECUTED and not i.execution_from and i.instrument.is_closure:
        raise ValidationError(
            {"result": _("A closure that was not executed cannot end as executed.")}
        )
    i.result, i.finished_on, i.stage = result, timezone.localdate(), Stage.FINISHED
    i.version += 1
    i.save(update_fields=["result", "finished_on", "stage", "version"])
    refresh_deadlines(i)
    audit_record(
        actor=actor,
        action=AuditAction.INTERVENTION_FINISHED,
        obj=i.case,
        new={"intervention": str(i.uuid), "result": result},
    )
    return i
