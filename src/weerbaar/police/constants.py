from django.db import models
from django.utils.translation import gettext_lazy as _

# The door to the compartment's pages; which provisions a holder sees is decided by the
# provision's purpose (Purpose.roles) and the case it was provided for (selectors).
VIEW_PERMISSION = "police.view_provision"
ADD_PERMISSION = "police.add_provision"

REFERENCE_PREFIX = "WPG"


class Basis(models.TextChoices):
    """The provision of the Wet politiegegevens under which the police gave the information."""

    ART16 = "art16", _("Wpg art. 16: provision to the mayor")
    ART18 = "art18", _("Wpg art. 18: provision under the Besluit politiegegevens")
    ART19 = "art19", _("Wpg art. 19: incidental provision for a weighty public interest")
    ART20 = "art20", _("Wpg art. 20: provision within a partnership (RIEC covenant)")


class Form(models.TextChoices):
    REPORT = "report", _("Administrative report (bestuurlijke rapportage)")
    EXTRACT = "extract", _("Extract of an official report")
    ORAL = "oral", _("Given orally (record of the conversation)")
    OTHER = "other", _("Other")
