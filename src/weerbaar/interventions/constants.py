from django.db import models
from django.utils.translation import gettext_lazy as _

ADD_PERMISSION = "interventions.add_intervention"
CHANGE_PERMISSION = "interventions.change_intervention"
# Who edits the paragraph texts of the letters (the functioneel beheerder).
LETTER_TEXT_PERMISSION = "interventions.change_lettertext"


class PremiseType(models.TextChoices):
    HOME = "home", _("Dwelling")
    BUSINESS = "business", _("Business premises")
    PUBLIC = "public", _("Public building")


class Finding(models.TextChoices):
    HEMP = "hemp", _("Hemp farm")
    HARD_DRUGS = "hard_drugs", _("Hard drugs")
    PREPARATORY = "preparatory", _("Preparatory acts (art. 13b lid 1 sub b)")
    TRADE = "trade", _("Trade quantity of soft drugs")


class Stage(models.TextChoices):
    PREPARED = "prepared", _("Being prepared")
    INTENTION = "intention", _("Intention sent")
    DECIDED = "decided", _("Decision taken")
    MADE_KNOWN = "made_known", _("Decision made known")
    EXECUTED = "executed", _("Executed")
    FINISHED = "finished", _("Finished")


class Result(models.TextChoices):
    EXECUTED = "executed", _("Executed")
    COMPLIED = "complied", _("Complied with (no execution needed)")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ANNULLED = "annulled", _("Annulled on objection or appeal")
    NOT_TAKEN = "not_taken", _("No decision taken after the intention")


class DeadlineKind(models.TextChoices):
    OPINION = "opinion", _("End of the opinion term (zienswijze)")
    COMPLIANCE = "compliance", _("End of the compliance term (begunstigingstermijn)")
    OBJECTION = "objection", _("End of the objection term (bezwaar)")
    OBJECTION_DECISION = "objection_decision", _("Decision on the objection due")
    APPEAL = "appeal", _("End of the appeal term (beroep)")
    CLOSURE_END = "closure_end", _("End of the closure: reopening")
    COLLECTION = "collection", _("Collection of forfeited penalty: last day")


class PenaltyUnit(models.TextChoices):
    VIOLATION = "violation", _("per violation")
    DAY = "day", _("per day")
    WEEK = "week", _("per week")


class ObjectionOutcome(models.TextChoices):
    UNFOUNDED = "unfounded", _("Unfounded (ongegrond): the decision stands")
    FOUNDED = "founded", _("Well-founded (gegrond): the decision is revoked")
    PARTLY = "partly", _("Partly well-founded: the decision is changed")
    INADMISSIBLE = "inadmissible", _("Inadmissible (niet-ontvankelijk)")
