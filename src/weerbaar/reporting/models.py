from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.reporting.constants import YearStatus


class ReportYear(models.Model):
    """The yearly report of one year: a draft whose figures come from the data, or adopted,
    its figures then kept as they were (``figures``) so a later correction shows as a
    difference instead of changing the report silently."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=YearStatus.choices, default=YearStatus.DRAFT
    )
    figures = models.JSONField(_("figures as adopted"), default=dict, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class Narrative(models.Model):
    """The story beside a section's figures for one year (Papendrecht: rijker verantwoorden),
    written in the app; frozen with the year once it is adopted."""

    report_year = models.ForeignKey(ReportYear, on_delete=models.CASCADE, related_name="narratives")
    theme = models.SlugField(_("theme"))
    text = models.TextField(_("text"))
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("narrative")
        verbose_name_plural = _("narratives")
        constraints = [
            models.UniqueConstraint(fields=["report_year", "theme"], name="narrative_once")
        ]
