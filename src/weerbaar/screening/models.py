import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.cases.models import Case
from weerbaar.core.fields import EncryptedTextField
from weerbaar.core.models import PublicIdModel
from weerbaar.screening.constants import (
    Authority,
    Decision,
    Degree,
    Intention,
    LetterKind,
    PartyRole,
    Status,
)
from weerbaar.signals.constants import InfoGrade, SourceGrade
from weerbaar.signals.models import Signal
from weerbaar.subjects.models import Subject


class PermitKind(models.Model):
    """A kind of application the Bibob policy names, with its own decision term: policy data,
    kept by the functioneel beheerder."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    requires_screening = models.BooleanField(
        _("the policy requires a screening"),
        default=True,
        help_text=_("Off: a screening is done only when there is a reason for one."),
    )
    decision_weeks = models.PositiveSmallIntegerField(
        _("decision term in weeks"),
        default=8,
        help_text=_("The term for deciding on the application, from the day it was received."),
    )
    questionnaire_weeks = models.PositiveSmallIntegerField(
        _("questionnaire term in weeks"),
        default=4,
        help_text=_("After this term a reminder is due when the questionnaire is not back."),
    )
    authority = models.CharField(
        _("decided by"),
        max_length=8,
        choices=Authority.choices,
        default=Authority.MAYOR,
        help_text=_("Who decides on the application and signs its letters."),
    )
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("permit kind")
        verbose_name_plural = _("permit kinds")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    """One point of the own investigation the municipality's Bibob policy prescribes."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("what to check"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Screening(PublicIdModel):
    """A Bibob screening of one application. Its relations to lower apps have no reverse
    accessor: nothing outside this app can reach a screening from a subject, signal or case."""

    reference = models.CharField(_("number"), max_length=20, unique=True)
    permit_kind = models.ForeignKey(
        PermitKind, on_delete=models.PROTECT, related_name="+", verbose_name=_("permit kind")
    )
    applicant = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("applicant")
    )
    signal = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alert_reference = models.CharField(_("warehouse alert"), max_length=64, blank=True)
    application_received_on = models.DateField(_("application received on"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    questionnaire_sent_on = models.DateField(_("questionnaire sent on"), null=True, blank=True)
    questionnaire_returned_on = models.DateField(
        _("questionnaire returned complete on"), null=True, blank=True
    )
    lbb_requested_on = models.DateField(_("advice asked of the LBB on"), null=True, blank=True)
    lbb_extended = models.BooleanField(_("the LBB extended its term by four weeks"), default=False)
    applicant_informed_on = models.DateField(
        _("applicant informed of the request on"), null=True, blank=True
    )
    lbb_advised_on = models.DateField(_("advice received on"), null=True, blank=True)
    lbb_degree = models.CharField(
        _("degree of danger"), max_length=8, choices=Degree.choices, blank=True
    )
    intention = models.CharField(
        _("intention"), max_length=12, choices=Intention.choices, blank=True
    )
    intention_sent_on = models.DateField(_("intention sent on"), null=True, blank=True)
    opinion_received_on = models.DateField(_("opinion received on"), null=True, blank=True)
    opinion_summary = EncryptedTextField(_("the opinion in short"), blank=True)
    opinion_answer = EncryptedTextField(_("the answer to the opinion"), blank=True)
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference


class ScreeningParty(models.Model):
    """A person or organisation in a business relationship with the applicant."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="parties")
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("subject")
    )
    role = models.CharField(_("role"), max_length=16, choices=PartyRole.choices)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["screening", "subject", "role"], name="screening_party_once"
            )
        ]


class ScreeningFinding(models.Model):
    """What the own investigation found on one checklist item, graded like enrichment."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="findings")
    item = models.ForeignKey(
        ChecklistItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("checklist item")
    )
    text = EncryptedTextField(_("finding"))
    source_grade = models.CharField(
        _("reliability of the source"), max_length=1, choices=SourceGrade.choices
    )
    info_grade = models.CharField(
        _("reliability of the information"), max_length=1, choices=InfoGrade.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["item__order", "item__name"]
        constraints = [
            models.UniqueConstraint(fields=["screening", "item"], name="screening_finding_once")
        ]


class ScreeningLetter(models.Model):
    """One version of a letter of a screening, kept inside the compartment (its file in
    ``LETTER_FOLDER`` under ``uuid``); making a letter again adds a version."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("letter"), max_length=12, choices=LetterKind.choices)
    number = models.PositiveSmallIntegerField(_("version"))
    file_name = models.CharField(_("file name"), max_length=120)
    size = models.PositiveIntegerField(_("size"))
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["kind", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["screening", "kind", "number"], name="screening_letter_version_once"
            )
        ]


class ListCheck(PublicIdModel):
    """A list of names, dates of birth and KvK numbers (from a bestuurlijke rapportage)
    checked against the warehouse. It lives in the compartment like a screening: it has no
    relation to any other app's rows, and what the warehouse found is kept on its rows here."""

    title = models.CharField(_("description"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Whether the warehouse held registry data when the list was checked: an empty result
    # from an empty warehouse says nothing about the names.
    sources = models.JSONField(_("what was searched"), default=list)

    class Meta:
        verbose_name = _("checked list")
        verbose_name_plural = _("checked lists")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class ListCheckRow(models.Model):
    """One line of a checked list, with what the warehouse holds on it: the registry records
    it was linked to (with the weights that say why) and the permits and closures found."""

    checked_list = models.ForeignKey(ListCheck, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("line"))
    name = models.CharField(_("name"), max_length=200)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    kvk_number = models.CharField(_("KvK number"), max_length=8, blank=True)
    matches = models.JSONField(_("linked to"), default=list)
    hits = models.JSONField(_("found"), default=list)
    # Whether anything was found on the line, as a column the list and its filter count.
    found = models.BooleanField(_("something found"), default=False)

    class Meta:
        verbose_name = _("line of a checked list")
        verbose_name_plural = _("lines of a checked list")
        ordering = ["line"]
        constraints = [
            models.UniqueConstraint(fields=["checked_list", "line"], name="list_line_once")
        ]
