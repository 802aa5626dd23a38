"""The order and completeness of an intervention's procedure dates: what
``intervention_record`` checks before it saves, and the stage the dates put it in."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.core.deadlines import equated_days, term_end
from weerbaar.interventions.constants import Stage
from weerbaar.interventions.models import Intervention

# Each date, the date it needs before it, and the message when it is missing or later.
ORDER = [
    (
        "opinion_received_on",
        "intention_sent_on",
        gettext_lazy("An opinion cannot come before the intention."),
    ),
    (
        "made_known_on",
        "decision_on",
        gettext_lazy("A decision cannot be made known before it is taken."),
    ),
    (
        "starts_on",
        "decision_on",
        gettext_lazy("The measure cannot take effect before the decision is taken."),
    ),
    (
        "execution_from",
        "made_known_on",
        gettext_lazy("Execution cannot start before the decision is made known."),
    ),
    (
        "execution_until",
        "execution_from",
        gettext_lazy("The end of the execution lies before its start."),
    ),
    (
        "seal_placed_on",
        "execution_from",
        gettext_lazy("The seal cannot be placed before the closure starts."),
    ),
    ("reopened_on", "execution_from", gettext_lazy("Reopening cannot come before the closure.")),
    (
        "objection_received_on",
        "made_known_on",
        gettext_lazy("An objection cannot come before the decision is made known."),
    ),
    (
        "objection_decided_on",
        "objection_received_on",
        gettext_lazy("The objection cannot be decided before it was received."),
    ),
    (
        "appeal_lodged_on",
        "objection_decided_on",
        gettext_lazy("An appeal cannot come before the decision on objection."),
    ),
]
STEP_FIELDS = [
    "police_report_on",
    "police_report_reference",
    "intention_sent_on",
    "opinion_skipped_reason",
    "opinion_received_on",
    "opinion_summary",
    "opinion_answer",
    "decision_on",
    "proportionality",
    "starts_on",
    "made_known_on",
    "risk_assessment_requested_on",
    "risk_assessment_note",
    "execution_from",
    "execution_until",
    "seal_placed_on",
    "reopened_on",
    "objection_received_on",
    "advisory_committee",
    "objection_extended",
    "objection_decided_on",
    "objection_outcome",
    "objection_reasoning",
    "appeal_lodged_on",
]
# Dates that may lie ahead: the planned end of the execution, the day a measure takes effect.
MAY_BE_AHEAD = {"execution_until", "starts_on"}


def _check_order(i: Intervention, errors: dict) -> None:
    for field, before, message in ORDER:
        later, earlier = getattr(i, field), getattr(i, before)
        if later and (not earlier or later < earlier):
            errors.setdefault(field, message)
    if i.decision_on and i.intention_sent_on and i.decision_on < i.intention_sent_on:
        errors.setdefault("decision_on", _("The decision cannot come before the intention."))
    if i.decision_on and not i.intention_sent_on and not i.opinion_skipped_reason:
        errors.setdefault(
            "decision_on",
            _("Send the intention first, or record why no opinion is asked (urgency)."),
        )


def _check_future(i: Intervention, errors: dict) -> None:
    today = timezone.localdate()
    for field in STEP_FIELDS:
        value = getattr(i, field)
        if isinstance(value, date) and field not in MAY_BE_AHEAD and value > today:
            errors.setdefault(field, _("This date lies in the future."))


def _check_opinion(i: Intervention, errors: dict) -> None:
    """A decision inside the opinion term needs the opinion, or the reason it was skipped."""
    if (
        not (i.decision_on and i.intention_sent_on)
        or i.opinion_received_on
        or i.opinion_skipped_reason
    ):
        return
    opinion_end = term_end(i.intention_sent_on, i.instrument.opinion_weeks, "weeks", equated_days())
    if i.decision_on <= opinion_end:
        errors.setdefault(
            "decision_on",
            _(
                "The opinion term runs until %(day)s: wait for it, record the opinion, or "
                "record why it was skipped (urgency)."
            )
            % {"day": opinion_end.strftime("%d-%m-%Y")},
        )


def _check_safety(i: Intervention, errors: dict) -> None:
    if (
        i.instrument.is_closure
        and i.execution_from
        and not (i.risk_assessment_requested_on and i.risk_assessment_note.strip())
    ):
        errors.setdefault(
            "execution_from",
            _(
                "Before a closure is executed, the police risk assessment must have been "
                "requested and its outcome recorded (staff safety)."
            ),
        )


def validate(i: Intervention) -> None:
    errors: dict = {}
    for check in (_check_order, _check_future, _check_opinion, _check_safety):
        check(i, errors)
    if errors:
        raise ValidationError(errors)


def stage_of(i: Intervention) -> str:
    if i.result:
        return Stage.FINISHED
    for field, stage in (
        ("execution_from", Stage.EXECUTED),
        ("made_known_on", Stage.MADE_KNOWN),
        ("decision_on", Stage.DECIDED),
        ("intention_sent_on", Stage.INTENTION),
    ):
        if getattr(i, field):
            return stage
    return Stage.PREPARED
