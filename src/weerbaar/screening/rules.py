"""The order of a screening's steps: each date needs the step before it, and comes after it.
Returns the refusals by field, so a form shows each next to its field."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from weerbaar.screening.constants import Decision, Intention, Status
from weerbaar.screening.deadlines import opinion_due
from weerbaar.screening.models import Screening

DATES = (
    "questionnaire_sent_on",
    "questionnaire_returned_on",
    "lbb_requested_on",
    "applicant_informed_on",
    "lbb_advised_on",
    "intention_sent_on",
    "opinion_received_on",
    "decided_on",
)
ADVERSE = (Decision.REFUSE, Decision.CONDITIONS)


def _after(errors, s, field, earlier, message):
    value, before = getattr(s, field), getattr(s, earlier)
    if value and (before is None or value < before):
        errors.setdefault(field, message)


def _future(errors, s, today):
    for field in DATES:
        value = getattr(s, field)
        if value and value > today:
            errors.setdefault(field, _("This date lies in the future."))


def step_errors(s: Screening, today: date) -> dict[str, str]:
    """What is wrong with the dates and answers recorded on ``s``; empty when nothing is."""
    errors: dict[str, str] = {}
    _future(errors, s, today)
    _after(
        errors,
        s,
        "questionnaire_sent_on",
        "application_received_on",
        _("The questionnaire is sent after the application was received."),
    )
    _after(
        errors,
        s,
        "questionnaire_returned_on",
        "questionnaire_sent_on",
        _("The questionnaire comes back after it was sent."),
    )
    _after(
        errors,
        s,
        "lbb_requested_on",
        "questionnaire_returned_on",
        _("Ask the LBB for advice only once the questionnaire is back complete."),
    )
    _after(
        errors,
        s,
        "applicant_informed_on",
        "lbb_requested_on",
        _("The applicant is informed of a request that was made."),
    )
    _after(
        errors,
        s,
        "lbb_advised_on",
        "lbb_requested_on",
        _("The advice cannot come before it was asked for."),
    )
    if s.lbb_extended and not s.lbb_requested_on:
        errors.setdefault("lbb_extended", _("Only a request that was made can be extended."))
    if s.lbb_advised_on and not s.lbb_degree:
        errors.setdefault("lbb_degree", _("State the degree of danger of the advice."))
    if s.lbb_degree and not s.lbb_advised_on:
        errors.setdefault("lbb_advised_on", _("State when the advice was received."))
    return errors


def intention_errors(s: Screening, today: date) -> dict[str, str]:
    """What is wrong with the intention and the opinion on it recorded on ``s``."""
    errors: dict[str, str] = {}
    _future(errors, s, today)
    if s.intention and not s.intention_sent_on:
        errors["intention_sent_on"] = _("State when the intention was sent.")
    if s.intention_sent_on and not s.intention:
        errors["intention"] = _("State what the municipality intends.")
    if s.intention == Intention.CONDITIONS and not s.conditions.strip():
        errors["conditions"] = _("State the conditions of the permit.")
    if s.intention_sent_on and s.lbb_requested_on and not s.lbb_advised_on:
        errors.setdefault(
            "intention_sent_on", _("Send the intention once the LBB's advice has been received.")
        )
    _after(
        errors,
        s,
        "intention_sent_on",
        "lbb_advised_on" if s.lbb_advised_on else "application_received_on",
        _("The intention is sent after the advice, and after the application was received."),
    )
    _after(
        errors,
        s,
        "opinion_received_on",
        "intention_sent_on",
        _("An opinion comes after the intention was sent."),
    )
    if s.opinion_received_on and not s.opinion_summary.strip():
        errors["opinion_summary"] = _("State the opinion in short.")
    if s.opinion_summary.strip() and not s.opinion_received_on:
        errors.setdefault("opinion_received_on", _("State when the opinion was received."))
    return errors


def _heard(errors: dict, s: Screening) -> None:
    """An adverse decision only after the applicant could give an opinion (Awb art. 4:8)."""
    if not s.intention_sent_on:
        errors["decision"] = _(
            "First send the intention, so the applicant can give an opinion (Awb art. 4:8)."
        )
        return
    if s.opinion_received_on:
        if s.decided_on < s.opinion_received_on:
            errors["decided_on"] = _("The decision comes after the opinion was received.")
        elif not s.opinion_answer.strip():
            errors["opinion_answer"] = _("Answer the opinion: the decision letter says why.")
        return
    last = opinion_due(s)
    if s.decided_on <= last:
        errors["decided_on"] = _(
            "The applicant may give an opinion until %(day)s; decide after that day, or once "
            "the opinion has been received."
        ) % {"day": date_format(last, "j F Y")}


def decision_errors(s: Screening) -> dict[str, str]:
    """What is wrong with the decision recorded on ``s``."""
    errors: dict[str, str] = {}
    if s.decision == Decision.CONDITIONS and not s.conditions.strip():
        errors["conditions"] = _("State the conditions of the permit.")
    if s.decided_on < s.application_received_on:
        errors["decided_on"] = _("The decision comes after the application was received.")
    elif s.lbb_requested_on and s.decision != Decision.WITHDRAWN:
        if not s.lbb_advised_on:
            errors["decided_on"] = _("Decide only once the LBB's advice has been received.")
        elif s.decided_on < s.lbb_advised_on:
            errors["decided_on"] = _("The decision comes after the LBB's advice.")
    if not errors and s.decision in ADVERSE:
        _heard(errors, s)
    return errors


def status_of(s: Screening) -> Status:
    """The state the recorded steps put the screening in."""
    if s.decision:
        return Status.DECIDED
    if s.intention_sent_on:
        return Status.INTENTION
    if s.lbb_advised_on:
        return Status.ADVISED
    if s.lbb_requested_on:
        return Status.LBB_REQUESTED
    if s.questionnaire_sent_on:
        return Status.INVESTIGATION
    return Status.NEW
