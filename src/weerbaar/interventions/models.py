import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.cases.models import Case, Document
from weerbaar.interventions.constants import (
    DeadlineKind,
    Finding,
    ObjectionOutcome,
    PenaltyUnit,
    PremiseType,
    Result,
    Stage,
)


class Instrument(models.Model):
    """One measure of the administrative toolbox, with its legal basis and default terms:
    policy data, edited by the functioneel beheerder (article numbers differ per municipality)."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_decision = models.BooleanField(
        _("an Awb decision (intention, opinion, decision, objection)"), default=True
    )
    is_closure = models.BooleanField(_("a closure"), default=False)
    is_penalty = models.BooleanField(_("a penalty order (last onder dwangsom)"), default=False)
    opinion_weeks = models.PositiveSmallIntegerField(_("opinion term in weeks"), default=2)
    compliance_days = models.PositiveSmallIntegerField(
        _("compliance term in days"), null=True, blank=True
    )
    objection_weeks = models.PositiveSmallIntegerField(_("objection term in weeks"), default=6)
    objection_decision_weeks = models.PositiveSmallIntegerField(
        _("decision on objection in weeks"), default=6
    )
    committee_decision_weeks = models.PositiveSmallIntegerField(
        _("decision on objection with an advisory committee, in weeks"), default=12
    )
    extension_weeks = models.PositiveSmallIntegerField(_("extension in weeks"), default=6)
    appeal_weeks = models.PositiveSmallIntegerField(_("appeal term in weeks"), default=6)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PolicyRule(models.Model):
    """One cell of a municipal policy matrix (e.g. the Damoclesbeleid)."""

    policy = models.CharField(_("policy"), max_length=120, default="Damoclesbeleid")
    premise_type = models.CharField(_("premises"), max_length=10, choices=PremiseType.choices)
    finding = models.CharField(_("finding"), max_length=12, choices=Finding.choices)
    offence = models.PositiveSmallIntegerField(
        _("offence number"), help_text=_("1 = first, 2 = repeat, 3 = third or more.")
    )
    measure = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="+", verbose_name=_("measure")
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"), null=True, blank=True, help_text=_("Empty: indefinite or none.")
    )
    indefinite = models.BooleanField(_("indefinite"), default=False)

    class Meta:
        verbose_name = _("policy rule")
        verbose_name_plural = _("policy rules")
        ordering = ["policy", "premise_type", "finding", "offence"]
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "premise_type", "finding", "offence"], name="policy_cell_once"
            )
        ]


class Intervention(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="interventions")
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="+", verbose_name=_("instrument")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handled by"),
    )
    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.PREPARED
    )
    premise_type = models.CharField(
        _("premises"), max_length=10, choices=PremiseType.choices, blank=True
    )
    finding = models.CharField(_("finding"), max_length=12, choices=Finding.choices, blank=True)
    offence = models.PositiveSmallIntegerField(_("offence number"), null=True, blank=True)
    suggestion = models.CharField(_("suggested by the policy"), max_length=255, blank=True)
    deviation_reason = models.TextField(_("why the measure deviates from the policy"), blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"), null=True, blank=True
    )
    indefinite = models.BooleanField(_("indefinite"), default=False)
    police_report_on = models.DateField(
        _("police or administrative report dated"), null=True, blank=True
    )
    police_report_reference = models.CharField(
        _("reference of that report"), max_length=60, blank=True
    )
    intention_sent_on = models.DateField(_("intention sent on"), null=True, blank=True)
    opinion_skipped_reason = models.TextField(_("why no opinion was asked (urgency)"), blank=True)
    opinion_received_on = models.DateField(_("opinion received on"), null=True, blank=True)
    opinion_summary = models.TextField(_("the opinion in short"), blank=True)
    opinion_answer = models.TextField(_("our answer to the opinion"), blank=True)
    decision_on = models.DateField(_("decision taken on"), null=True, blank=True)
    proportionality = models.TextField(_("proportionality: the interests weighed"), blank=True)
    starts_on = models.DateField(_("the measure takes effect on"), null=True, blank=True)
    made_known_on = models.DateField(_("decision made known on"), null=True, blank=True)
    risk_assessment_requested_on = models.DateField(
        _("police risk assessment requested on"), null=True, blank=True
    )
    risk_assessment_note = models.TextField(_("outcome of the risk assessment"), blank=True)
    execution_from = models.DateField(_("executed from"), null=True, blank=True)
    execution_until = models.DateField(_("executed until"), null=True, blank=True)
    seal_placed_on = models.DateField(_("seal placed on"), null=True, blank=True)
    reopened_on = models.DateField(_("reopened on"), null=True, blank=True)
    objection_received_on = models.DateField(_("objection received on"), null=True, blank=True)
    advisory_committee = models.BooleanField(
        _("objection goes to the advisory committee"), default=False
    )
    objection_extended = models.BooleanField(_("decision on objection extended"), default=False)
    objection_decided_on = models.DateField(_("objection decided on"), null=True, blank=True)
    objection_outcome = models.CharField(
        _("outcome of the objection"), max_length=12, choices=ObjectionOutcome.choices, blank=True
    )
    objection_reasoning = models.TextField(_("reasons of the decision on objection"), blank=True)
    appeal_lodged_on = models.DateField(_("appeal lodged on"), null=True, blank=True)
    penalty_amount = models.DecimalField(
        _("penalty amount"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    penalty_unit = models.CharField(
        _("penalty per"), max_length=10, choices=PenaltyUnit.choices, blank=True
    )
    penalty_maximum = models.DecimalField(
        _("maximum penalty"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    result = models.CharField(_("result"), max_length=12, choices=Result.choices, blank=True)
    finished_on = models.DateField(_("finished on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.case})"


class Forfeiture(models.Model):
    """A penalty forfeited (verbeurd) under a penalty order."""

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="forfeitures"
    )
    forfeited_on = models.DateField(_("forfeited on"))
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    collected_on = models.DateField(_("collected on"), null=True, blank=True)

    class Meta:
        verbose_name = _("forfeiture")
        verbose_name_plural = _("forfeitures")
        ordering = ["forfeited_on", "id"]


class Deadline(models.Model):
    """A legal deadline of an intervention, kept as a row so the overview is one indexed query;
    rewritten by the services whenever a date of the intervention changes."""

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="deadlines"
    )
    kind = models.CharField(_("deadline"), max_length=20, choices=DeadlineKind.choices)
    forfeiture = models.ForeignKey(Forfeiture, null=True, blank=True, on_delete=models.CASCADE)
    due_on = models.DateField(_("due on"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["owner", "done", "due_on"]),
            models.Index(fields=["team", "done", "due_on"]),
            models.Index(fields=["done", "due_on"]),
        ]


class LetterText(models.Model):
    """A paragraph of a letter as the functioneel beheerder rewrote it; without a row the
    built-in text (from the catalogue) is used. Placeholders like {maatregel} are checked
    when it is saved (``interventions.letters.texts``)."""

    kind = models.CharField(_("letter"), max_length=30)
    key = models.CharField(_("paragraph"), max_length=30)
    text = models.TextField(_("text"))
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("letter text")
        verbose_name_plural = _("letter texts")
        ordering = ["kind", "key"]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="letter_text_once")]


class LetterDocument(models.Model):
    """Which case document holds a letter of an intervention: making the letter again adds
    a version to that document instead of a new one."""

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="letter_documents"
    )
    kind = models.CharField(_("letter"), max_length=30)
    fmt = models.CharField(_("format"), max_length=4)
    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("letter document")
        verbose_name_plural = _("letter documents")
        ordering = ["kind", "fmt"]
        constraints = [
            models.UniqueConstraint(
                fields=["intervention", "kind", "fmt"], name="letter_document_once"
            )
        ]
