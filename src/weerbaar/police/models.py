from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.cases.models import Case
from weerbaar.core.fields import EncryptedTextField
from weerbaar.core.models import PublicIdModel
from weerbaar.police.constants import Basis, Form
from weerbaar.subjects.models import Subject


class Purpose(models.Model):
    """A purpose for which police information is provided (Wpg art. 7: it is processed for
    that purpose only), with the roles that may read information given for it: policy data,
    kept by the functioneel beheerder."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("what it may be used for"), blank=True)
    roles = models.JSONField(
        _("roles that read it"),
        default=list,
        blank=True,
        help_text=_("Role codes; only these roles, on a case they work on, read the information."),
    )
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("purpose of police information")
        verbose_name_plural = _("purposes of police information")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Provision(PublicIdModel):
    """Police information received for one case, under a provision of the Wpg and for one
    purpose. Its text is encrypted; it is found only from its case, never by a search."""

    reference = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="+", verbose_name=_("case")
    )
    purpose = models.ForeignKey(
        Purpose, on_delete=models.PROTECT, related_name="provisions", verbose_name=_("purpose")
    )
    basis = models.CharField(_("legal basis"), max_length=8, choices=Basis.choices)
    form = models.CharField(_("form"), max_length=8, choices=Form.choices, default=Form.REPORT)
    provided_by = models.CharField(
        _("provided by"),
        max_length=160,
        help_text=_("The police unit or district, not the name of an officer."),
    )
    received_on = models.DateField(_("received on"))
    police_reference = EncryptedTextField(_("police reference"), blank=True)
    summary = EncryptedTextField(_("summary"))
    content = EncryptedTextField(_("the information"), blank=True)
    subject = models.ForeignKey(
        Subject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("police information")
        verbose_name_plural = _("police information")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["case", "-received_on"])]

    def __str__(self) -> str:
        return self.reference
