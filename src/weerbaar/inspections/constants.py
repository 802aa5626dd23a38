from django.db import models
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    """What counts towards the yearly target of a kind."""

    INSPECTIONS = "inspections", _("Inspections held")
    ADDRESS_CHECKS = "address_checks", _("Address checks done")


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Closed")


# Findings move a planned inspection to held; the outcome closes it.
ALLOWED = {
    InspectionStatus.PLANNED: {InspectionStatus.HELD, InspectionStatus.CLOSED},
    InspectionStatus.HELD: {InspectionStatus.CLOSED},
    InspectionStatus.CLOSED: set(),
}


class FindingResult(models.TextChoices):
    IN_ORDER = "in_order", _("In order")
    VIOLATION = "violation", _("Violation")
    NOT_CHECKED = "not_checked", _("Not checked")


class Outcome(models.TextChoices):
    NO_FINDINGS = "none", _("No findings")
    FINDINGS = "findings", _("Findings")


class CheckOutcome(models.TextChoices):
    CORRECT = "correct", _("Correct: the registration matches")
    INCORRECT = "incorrect", _("Incorrect: report for a BRP address investigation")
    NOBODY = "nobody", _("Nobody found: check again")


SEE_ALL_PERMISSION = "inspections.view_inspection"
PLAN_PERMISSION = "inspections.add_inspection"
CHANGE_PERMISSION = "inspections.change_inspection"
CHECKS_SEE_ALL_PERMISSION = "inspections.view_addresscheck"
CHECKS_PLAN_PERMISSION = "inspections.add_addresscheck"
CHECKS_CHANGE_PERMISSION = "inspections.change_addresscheck"
# Days after a check where nobody was found that the next one is proposed.
RECHECK_DAYS = 7
# The phenomena whose open signals are candidates for an integrale controle: those found on
# premises a control can enter (a business, a house, a unit), not those about persons alone
# (criminal exploitation of youngsters) or elsewhere (dumping of waste, property deals).
CONTROL_PHENOMENA = (
    "hennep-drugs",
    "drugslab",
    "witwassen",
    "adresfraude",
    "arbeidsuitbuiting",
    "mensenhandel",
    "gokken",
    "omg",
)
# How many rows a candidate source shows on the planning page; the rest is on its own list.
CANDIDATES_SHOWN = 25
# The measures one click away from a closed inspection: (the case type the case is opened
# with, the intervention the case's "new intervention" page then proposes), by the codes of
# the seeded catalogue. A measure whose case type is not active is not offered.
MEASURES = {
    "damocles": ("hennep-sluiting", "damocles-sluiting", _("Damocles measure (closure)")),
}
INTERVENTION_ADD_PERMISSION = "interventions.add_intervention"
