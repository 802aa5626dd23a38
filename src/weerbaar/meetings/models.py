import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.cases.models import Case
from weerbaar.meetings.constants import Decision, ItemReason, MeetingKind, MeetingStatus
from weerbaar.signals.constants import InfoGrade, SourceGrade
from weerbaar.signals.models import Signal


class MeetingSeries(models.Model):
    """A standing meeting (e.g. the LIO every four weeks) with its fixed group."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=8, choices=MeetingKind.choices)
    interval_weeks = models.PositiveSmallIntegerField(_("every so many weeks"), default=4)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="meeting_series", verbose_name=_("participants")
    )

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    series = models.ForeignKey(
        MeetingSeries, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("series")
    )
    starts_at = models.DateTimeField(_("starts at"))
    location = models.CharField(_("location"), max_length=120, blank=True)
    guests = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("guests")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    agenda_sent_at = models.DateTimeField(_("agenda sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["series", "-starts_at"])]
        permissions = [("view_internal_items", _("Can see internal agenda items and enrichment"))]

    def __str__(self) -> str:
        return f"{self.series} {self.starts_at:%d-%m-%Y}"

    @property
    def is_lio(self) -> bool:
        return self.series.kind == MeetingKind.LIO


class AgendaItem(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    signal = models.ForeignKey(Signal, on_delete=models.PROTECT, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    reason = models.CharField(_("why on the agenda"), max_length=8, choices=ItemReason.choices)
    shared_with_partners = models.BooleanField(_("shared with the LIO partners"), default=False)
    share_basis = models.CharField(_("legal basis of the share"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices, blank=True)
    decision_text = models.TextField(_("decision in words"), blank=True)
    hand_over_to = models.CharField(_("handed over to"), max_length=120, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # The case this decision opened (ARCHITECTURE.md: the decision holds the link).
    case = models.ForeignKey(
        Case,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("case"),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "signal"], name="signal_once_per_agenda")
        ]


class ActionPoint(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("action"), max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="action_points",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["done_on", "due_on"])]


class DecisionCorrection(models.Model):
    """An earlier decision on an item, kept when it was corrected before the minutes were final."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="corrections")
    decision = models.CharField(_("earlier decision"), max_length=12, choices=Decision.choices)
    decision_text = models.TextField(_("earlier decision in words"), blank=True)
    hand_over_to = models.CharField(_("earlier handed over to"), max_length=120, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("why the decision was corrected"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrected_at = models.DateTimeField(_("corrected at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision correction")
        verbose_name_plural = _("decision corrections")
        ordering = ["corrected_at", "id"]


class Contribution(models.Model):
    """What a partner knows about a shared LIO item, graded like enrichment. The municipality
    reads it; other partners only once the regisseur shares it with them."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="contributions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    text = models.TextField(_("information"))
    source_grade = models.CharField(
        _("reliability of the source"), max_length=1, choices=SourceGrade.choices
    )
    info_grade = models.CharField(
        _("reliability of the information"), max_length=1, choices=InfoGrade.choices
    )
    shared_with_partners = models.BooleanField(_("shared with the other partners"), default=False)
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner contribution")
        verbose_name_plural = _("partner contributions")
        ordering = ["created_at", "id"]

    @property
    def grading(self) -> str:
        return f"{self.source_grade}{self.info_grade}"
