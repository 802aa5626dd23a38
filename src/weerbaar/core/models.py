"""Abstract building blocks shared by every app."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        abstract = True


class PublicIdModel(TimeStampedModel):
    """A model addressed by an opaque UUID in URLs and the API, never by its sequence id."""

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class EquatedDay(models.Model):
    """A day equated with a holiday by decree for the Algemene termijnenwet (e.g. a Friday
    after Ascension Day): policy data, kept by the functioneel beheerder."""

    day = models.DateField(_("day"), unique=True)
    reason = models.CharField(_("decree or reason"), max_length=200)

    class Meta:
        verbose_name = _("day equated with a holiday")
        verbose_name_plural = _("days equated with a holiday")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d-%m-%Y} ({self.reason})"


class ReferenceCounter(models.Model):
    """The last number handed out for one kind of reference (``S``, ``C``) in one year.

    The row is locked by the transaction that creates the signal or case, so two officers
    saving at the same moment get consecutive numbers and a rolled-back save leaves no gap.
    """

    prefix = models.CharField(_("prefix"), max_length=4)
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="reference_counter_once")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"
