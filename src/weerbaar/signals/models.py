import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.signals.constants import Channel, SignalStatus, Urgency
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

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-reported_on", "-id"]
        indexes = [
            models.Index(fields=["status", "-id"]),
            models.Index(fields=["-reported_on", "-id"], name="signal_newest_first"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.reported_on:%d-%m-%Y}"
