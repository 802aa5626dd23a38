"""The retention job's runs, its deletion register and the legal holds that stop it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from weerbaar.cases.models import Case
from weerbaar.core.models import PublicIdModel
from weerbaar.signals.models import Signal


class RetentionRun(models.Model):
    """One pass of the retention job; ``started_by`` is empty for the daily job."""

    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    removed = models.PositiveIntegerField(_("records removed"), default=0)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at", "-id"]
        permissions = [("view_retention", _("Can see the retention terms, holds and register"))]


class Deletion(models.Model):
    """A tombstone: what kind of record went, by which rule, when and how many; never what
    the records held."""

    run = models.ForeignKey(RetentionRun, on_delete=models.PROTECT, related_name="deletions")
    kind = models.CharField(_("kind of record"), max_length=40)
    title = models.CharField(_("kind of record"), max_length=120)
    rule = models.CharField(_("rule"), max_length=500)
    count = models.PositiveIntegerField(_("number"))
    deleted_on = models.DateField(_("removed on"))
    anonymised = models.BooleanField(_("anonymised rather than deleted"), default=False)

    class Meta:
        verbose_name = _("deletion")
        verbose_name_plural = _("deletion register")
        ordering = ["-deleted_on", "-id"]


class LegalHold(PublicIdModel):
    """Keeps a case or a signal past its term, at the request of the FG (an objection, an
    appeal or a request of a court or the DPA). Cases under objection or appeal are held
    without one."""

    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signal = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=False, signal__isnull=True)
                | Q(case__isnull=True, signal__isnull=False),
                name="hold_on_one_record",
            )
        ]
