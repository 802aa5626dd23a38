from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles of DOMAIN.md; each is a Django group of the same name.

    The public reporter (melder) has no account and so no role here.
    """

    MEDEWERKER = "medewerker", _("Staff member")
    REGISSEUR = "regisseur", _("Director of the approach / analyst")
    BEHANDELAAR = "behandelaar", _("Case officer / enforcement lawyer")
    TOEZICHTHOUDER = "toezichthouder", _("Inspector / enforcement officer")
    BIBOB_COORDINATOR = "bibob_coordinator", _("Bibob coordinator")
    KETENPARTNER = "ketenpartner", _("Partner")
    BURGEMEESTER = "burgemeester", _("Mayor / management")
    BEHEERDER = "beheerder", _("Application manager")
    FG = "fg", _("Data protection officer")


# Permissions of the lower apps per role; higher apps grant theirs in their own migrations.
ROLE_PERMISSIONS = {
    Role.BEHEERDER: [
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_team",
        "accounts.add_team",
        "accounts.change_team",
        "auth.view_group",
        "auth.change_group",
    ],
    Role.FG: ["audit.view_auditrecord", "accounts.view_user", "accounts.view_team"],
}
