"""Integrale controles with partners, and address checks (BRP).

The kinds with their yearly targets, the partner kinds and their checklists are policy data
(kept by the functioneel beheerder). An inspection and an address check belong to a team and
are visible by need-to-know like a case (``selectors``).
"""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.cases.models import Case
from weerbaar.core.models import PublicIdModel
from weerbaar.inspections.constants import (
    CheckOutcome,
    FindingResult,
    InspectionStatus,
    Measure,
    Outcome,
)
from weerbaar.signals.constants import InfoGrade, SourceGrade
from weerbaar.signals.models import Signal
from weerbaar.subjects.models import Subject


class InspectionKind(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    yearly_target = models.PositiveIntegerField(_("yearly target"), default=0)
    measure = models.CharField(
        _("counted as"), max_length=16, choices=Measure.choices, default=Measure.INSPECTIONS
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("inspection kind")
        verbose_name_plural = _("inspection kinds")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnerKind(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("partner kind")
        verbose_name_plural = _("partner kinds")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    partner_kind = models.ForeignKey(
        PartnerKind, on_delete=models.CASCADE, related_name="items", verbose_name=_("partner kind")
    )
    text = models.CharField(_("what is checked"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["partner_kind__order", "order", "id"]

    def __str__(self) -> str:
        return f"{self.partner_kind}: {self.text}"


class Inspection(PublicIdModel):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    kind = models.ForeignKey(
        InspectionKind, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind")
    )
    planned_on = models.DateField(_("planned date"))
    purpose = models.TextField(_("purpose"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=InspectionStatus.choices,
        default=InspectionStatus.PLANNED,
    )
    owner_team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team")
    )
    addresses = models.ManyToManyField(Subject, related_name="+", verbose_name=_("addresses"))
    businesses = models.ManyToManyField(
        Subject, blank=True, related_name="+", verbose_name=_("businesses")
    )
    partners = models.ManyToManyField(
        PartnerKind, through="Participation", related_name="+", verbose_name=_("partners")
    )
    signal = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alert_reference = models.CharField(_("alert"), max_length=80, blank=True)
    # The safety check for staff (Veilig Publieke Taak): the police risk assessment.
    risk_asked_on = models.DateField(_("risk assessment asked on"), null=True, blank=True)
    risk_answered_on = models.DateField(_("risk assessment answered on"), null=True, blank=True)
    risk_outcome = models.TextField(_("outcome of the risk assessment"), blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices, blank=True)
    outcome_text = models.TextField(_("summary of the outcome"), blank=True)
    made_signal = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    made_case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-planned_on", "-id"]
        indexes = [models.Index(fields=["status", "planned_on"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.kind}"


class Participation(models.Model):
    """A partner kind taking part in an inspection, with its notes and its follow-up."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="participations"
    )
    partner_kind = models.ForeignKey(PartnerKind, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(_("notes"), blank=True)
    follows_up = models.BooleanField(_("follows up"), default=False)

    class Meta:
        ordering = ["partner_kind__order", "partner_kind__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "partner_kind"], name="partner_once_per_inspection"
            )
        ]


class Finding(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    partner_kind = models.ForeignKey(PartnerKind, on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    result = models.CharField(_("finding"), max_length=12, choices=FindingResult.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["partner_kind__order", "item__order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "item"], name="finding_once_per_item")
        ]


def http_only(value: str) -> None:
    URLValidator(schemes=["http", "https"], message=_("Enter a web address (http or https)."))(
        value
    )


class ResearchNote(PublicIdModel):
    """Open-source research on a business, graded like an enrichment of a signal."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="research")
    business = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("business")
    )
    source_url = models.CharField(_("source (web address)"), max_length=500, validators=[http_only])
    consulted_on = models.DateField(_("consulted on"))
    found = models.TextField(_("what was found"))
    source_grade = models.CharField(
        _("reliability of the source"), max_length=1, choices=SourceGrade.choices
    )
    info_grade = models.CharField(
        _("reliability of the information"), max_length=1, choices=InfoGrade.choices
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["consulted_on", "id"]

    @property
    def grading(self) -> str:
        return f"{self.source_grade}{self.info_grade}"


class Photo(PublicIdModel):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="photos")
    partner_kind = models.ForeignKey(
        PartnerKind, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["created_at", "id"]


class AddressCheck(PublicIdModel):
    """A check whether who is registered at an address (BRP) lives there."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    address = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("address")
    )
    signal = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team")
    )
    planned_on = models.DateField(_("planned date"))
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=CheckOutcome.choices, blank=True
    )
    persons = models.ManyToManyField(
        Subject, blank=True, related_name="+", verbose_name=_("persons concerned")
    )
    notes = models.TextField(_("notes"), blank=True)
    alert_reference = models.CharField(_("alert"), max_length=80, blank=True)
    brp_reported = models.BooleanField(_("BRP address investigation reported"), default=False)
    follow_up = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="previous"
    )

    class Meta:
        verbose_name = _("address check")
        verbose_name_plural = _("address checks")
        ordering = ["-planned_on", "-id"]
        indexes = [models.Index(fields=["outcome", "planned_on"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.address}"


class TypedCandidate(PublicIdModel):
    """A candidate typed in on the planning page: an address and why it deserves a control,
    kept until it is planned or removed."""

    address = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("address")
    )
    note = models.CharField(_("why a control"), max_length=300)
    owner_team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("typed candidate")
        verbose_name_plural = _("typed candidates")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.address}: {self.note}"
