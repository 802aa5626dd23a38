import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.signals.constants import (
    Channel,
    EnrichmentKind,
    InfoGrade,
    Purpose,
    SignalStatus,
    SourceGrade,
    SubjectRole,
    Urgency,
    Visibility,
    WeighingPhase,
)
from weerbaar.subjects.models import Subject


class Phenomenon(models.Model):
    """A phenomenon of ondermijning (policy data, editable by the functioneel beheerder)."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    public_description = models.CharField(
        _("description for the public"),
        max_length=255,
        blank=True,
        help_text=_("Plain words for the public form, e.g. 'Many people registered at one house'."),
    )
    public = models.BooleanField(_("shown on the public form"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("phenomenon")
        verbose_name_plural = _("phenomena")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Signal(models.Model):
    # No creation timestamp: for public reports only the day is kept (SECURITY.md P6).
    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    # S-2026-0042: what officers say and type; given by signal_create (core.references).
    reference = models.CharField(_("signal number"), max_length=20, unique=True, editable=False)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SignalStatus.choices,
        default=SignalStatus.NEW,
        db_index=True,
    )
    phenomenon = models.ForeignKey(
        Phenomenon, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("phenomenon")
    )
    description = models.TextField(_("description"))
    location_text = models.CharField(_("location"), max_length=255, blank=True)
    address = models.ForeignKey(
        Subject,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("address"),
    )
    occurred = models.CharField(_("when"), max_length=100, blank=True)
    involved = models.TextField(_("persons or vehicles involved"), blank=True)
    reported_on = models.DateField(_("reported on"))
    summary = models.CharField(_("summary"), max_length=255, blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    # Optimistic locking: a save based on an older version is refused, never silently lost.
    version = models.PositiveIntegerField(default=0)
    owner_team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner (team)"),
    )

    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    related = models.ManyToManyField("self", blank=True, verbose_name=_("related signals"))
    # The status the signal had when it was merged away, so the merge can be undone.
    status_before_merge = models.CharField(max_length=16, choices=SignalStatus.choices, blank=True)
    led_to_case = models.BooleanField(_("led to a case"), default=False)
    # Set when the signal ends without action; the retention job removes it after this day.
    retain_until = models.DateField(_("keep until"), null=True, blank=True, db_index=True)
    # The day it closed; the terms of its reports (contact details, dialogue, files) run
    # from here.
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-reported_on", "-id"]
        indexes = [
            models.Index(fields=["status", "-id"]),
            models.Index(fields=["-reported_on", "-id"], name="signal_newest_first"),
            models.Index(Upper("location_text"), name="signal_location_upper"),
        ]

    def __str__(self) -> str:
        return self.reference


class SignalSubject(models.Model):
    """A person, organisation, address or vehicle the signal is about."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="subject_links")
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("subject")
    )
    role = models.CharField(
        _("role"), max_length=16, choices=SubjectRole.choices, default=SubjectRole.INVOLVED
    )
    linked_on = models.DateField(_("linked on"), auto_now_add=True)
    # The signal this link came with in a merge; undoing that merge removes the link here.
    merged_from = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("subject of a signal")
        verbose_name_plural = _("subjects of signals")
        constraints = [
            models.UniqueConstraint(fields=["signal", "subject"], name="signal_subject_once")
        ]
        indexes = [models.Index(fields=["subject", "signal"])]


class Enrichment(models.Model):
    """What a team or partner adds to a signal, graded and with a visibility (SECURITY P41)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="enrichments")
    kind = models.CharField(
        _("kind"), max_length=8, choices=EnrichmentKind.choices, default=EnrichmentKind.SOFT
    )
    text = models.TextField(_("information"))
    source = models.CharField(_("source"), max_length=120)
    source_date = models.DateField(_("date of the information"))
    source_grade = models.CharField(
        _("reliability of the source"), max_length=1, choices=SourceGrade.choices, blank=True
    )
    info_grade = models.CharField(
        _("reliability of the information"), max_length=1, choices=InfoGrade.choices, blank=True
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    # The signal this came from in a merge; undoing that merge moves it back.
    merged_from = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("corrected at"), null=True, blank=True)
    # A removal keeps a tombstone: who, when and why; the information itself is erased.
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removal_reason = models.CharField(_("reason for removal"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("enrichment")
        verbose_name_plural = _("enrichments")
        ordering = ["-source_date", "-id"]
        constraints = [
            models.CheckConstraint(
                name="soft_information_is_graded",
                condition=~models.Q(kind="soft")
                | (~models.Q(source_grade="") & ~models.Q(info_grade="")),
            )
        ]

    @property
    def stamp(self) -> str:
        """The moment of its last correction as a page carries it, so a correction made from
        an older page is refused instead of overwriting a colleague's."""
        return self.changed_at.isoformat() if self.changed_at else ""

    @property
    def grading(self) -> str:
        return f"{self.source_grade}{self.info_grade}" if self.kind == EnrichmentKind.SOFT else ""


class Weighing(models.Model):
    """The recorded privacy weighing that must precede enrichment and a case."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="weighings")
    phase = models.CharField(_("phase"), max_length=12, choices=WeighingPhase.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    purpose_text = models.TextField(_("purpose in words"))
    proportional = models.BooleanField(
        _("the intrusion is in proportion to the purpose"), default=False
    )
    proportionality_text = models.TextField(_("proportionality in words"))
    subsidiary = models.BooleanField(
        _("no less intrusive means will achieve the purpose"), default=False
    )
    subsidiarity_text = models.TextField(_("subsidiarity in words"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    # The signal this came from in a merge; undoing that merge moves it back.
    merged_from = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("privacy weighing")
        verbose_name_plural = _("privacy weighings")
        ordering = ["-recorded_at", "-id"]


class RetentionRule(models.Model):
    """A retention period as policy data, editable by the functioneel beheerder: one row per
    kind of record of ``core.retention`` (the signals' own and every other app's), kept here
    because the signals are the lowest app that reads a term."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    days = models.PositiveIntegerField(_("retention period in days"))
    reason = models.TextField(_("why this term"), blank=True)

    class Meta:
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")

    def __str__(self) -> str:
        return self.name


class SavedView(models.Model):
    """A user's named inbox filter."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_signal_views"
    )
    name = models.CharField(_("name"), max_length=60)
    query = models.CharField(_("filters"), max_length=500)

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_view_name_once")
        ]

    def __str__(self) -> str:
        return self.name


class RoutingRule(models.Model):
    """Which team and analyst a signal belongs to, by phenomenon and area (policy data, kept
    by the functioneel beheerder). The most specific active rule proposes; people decide."""

    phenomenon = models.ForeignKey(
        Phenomenon,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("phenomenon"),
        help_text=_("Empty: every phenomenon."),
    )
    area = models.CharField(
        _("area"),
        max_length=80,
        blank=True,
        help_text=_("The first digits of a postcode (e.g. 6981) or a place; empty: everywhere."),
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="+", verbose_name=_("team")
    )
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("analyst"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return " · ".join(
            str(part)
            for part in (
                self.phenomenon or _("every phenomenon"),
                self.area or _("everywhere"),
                self.team,
            )
        )
