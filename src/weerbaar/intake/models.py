"""Reports and the dialogue with their reporters.

Public reports keep no moment of sending, only the day; the order is the row number.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.core.fields import EncryptedTextField
from weerbaar.signals.constants import Channel
from weerbaar.signals.models import Signal


class Report(models.Model):
    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    signal = models.ForeignKey(Signal, on_delete=models.PROTECT, related_name="reports")
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    submitted_on = models.DateField(_("submitted on"))
    receipt_code = models.CharField(
        _("receipt code"), max_length=16, unique=True, null=True, blank=True
    )
    secret_hash = models.CharField(max_length=200, blank=True)
    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reporter (staff)"),
    )
    reporter_team = models.CharField(_("reporter's team"), max_length=120, blank=True)
    shielded = models.BooleanField(
        _("identity shielded"),
        default=False,
        help_text=_("Nobody sees who reported unless two people agree (four-eyes)."),
    )
    # A shielded reporter is not in ``reporter``: their account and team are sealed here
    # (SECURITY.md P20c, P36), and found for their own list by a keyed hash (intake/sealing.py).
    reporter_sealed = EncryptedTextField(_("reporter (sealed)"), blank=True)
    reporter_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    partner_reference = models.CharField(_("partner's reference"), max_length=100, blank=True)
    partner_organisation = models.CharField(_("partner organisation"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-id"]
        permissions = [("submit_partner_report", _("Can submit reports as a partner"))]


class MessageDirection(models.TextChoices):
    TO_REPORTER = "to_reporter", _("to the reporter")
    FROM_REPORTER = "from_reporter", _("from the reporter")


class Message(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(_("direction"), max_length=16, choices=MessageDirection.choices)
    is_question = models.BooleanField(_("question"), default=False)
    text = models.TextField(_("text"))
    sent_on = models.DateField(_("sent on"))
    # Who wrote it on the municipality's side; never shown to the reporter.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["id"]


class RevealRequest(models.Model):
    """Four-eyes: one regisseur asks, with a reason, to see who made a shielded report; a
    second one approves or refuses. Only the one who asked then sees the name."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reveal_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    reason = models.CharField(_("reason"), max_length=500)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("refused by"),
    )
    refused_at = models.DateTimeField(_("refused at"), null=True, blank=True)

    class Meta:
        verbose_name = _("request to reveal a reporter")
        verbose_name_plural = _("requests to reveal a reporter")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(approved_by=models.F("requested_by")),
                name="reveal_needs_two_people",
            ),
            models.CheckConstraint(
                condition=~models.Q(refused_by=models.F("requested_by")),
                name="reveal_refused_by_another",
            ),
        ]


class Attachment(models.Model):
    """A cleaned file of a report; stored outside the web root under a generated name."""

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file_name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]


class StandardText(models.Model):
    """A standard message to reporters (policy data, kept by the functioneel beheerder)."""

    code = models.SlugField(_("code"), unique=True)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"))
    active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("standard text")
        verbose_name_plural = _("standard texts")
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title
