import uuid

from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from weerbaar.core.models import PublicIdModel


class User(AbstractUser):
    uuid = models.UUIDField(_("kenmerk"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.CharField(
        _("organisatie"),
        max_length=120,
        blank=True,
        help_text=_("Voor ketenpartners: de organisatie waarvoor iemand werkt."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def role_names(self) -> set[str]:
        return set(self.groups.values_list("name", flat=True))


class Team(PublicIdModel):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    is_external = models.BooleanField(
        _("externe partner"),
        default=False,
        help_text=_("Een team van een ketenpartner (politie, RIEC, corporatie, ...)."),
    )
    members = models.ManyToManyField(
        User, through="TeamMembership", related_name="teams", verbose_name=_("leden")
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    since = models.DateField(_("lid sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("teamlidmaatschap")
        verbose_name_plural = _("teamlidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="unique_membership")]


class Share(PublicIdModel):
    """An object made visible to one user or one team outside the normal role and team rules."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_uuid = models.UUIDField(_("object"), db_index=True)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="shares"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="shares"
    )
    purpose = models.CharField(_("doel"), max_length=255)
    legal_basis = models.CharField(_("grondslag"), max_length=255, blank=True)
    granted_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("gedeeld door")
    )
    expires_at = models.DateTimeField(_("vervalt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("deling")
        verbose_name_plural = _("delingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, team__isnull=True)
                | Q(user__isnull=True, team__isnull=False),
                name="share_has_one_recipient",
            )
        ]

    def clean(self):
        if bool(self.user_id) == bool(self.team_id):
            raise ValidationError(_("Deel met één gebruiker of met één team."))
