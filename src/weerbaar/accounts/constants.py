from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles of DOMAIN.md; each is a Django group of the same name.

    The public reporter (melder) has no account and so no role here.
    """

    MEDEWERKER = "medewerker", _("Medewerker")
    REGISSEUR = "regisseur", _("Regisseur ondermijning / analist")
    BEHANDELAAR = "behandelaar", _("Casusbehandelaar / handhavingsjurist")
    TOEZICHTHOUDER = "toezichthouder", _("Toezichthouder / boa")
    BIBOB_COORDINATOR = "bibob_coordinator", _("Bibob-coördinator")
    KETENPARTNER = "ketenpartner", _("Ketenpartner")
    BURGEMEESTER = "burgemeester", _("Burgemeester / management")
    BEHEERDER = "beheerder", _("Functioneel beheerder")
    FG = "fg", _("Privacy officer (FG)")


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
