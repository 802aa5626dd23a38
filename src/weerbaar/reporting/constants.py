from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW_PERMISSION = "reporting.view_reportyear"
CHANGE_PERMISSION = "reporting.change_reportyear"
# A count below this is shown as "< 5" to a reader who may not see every row behind it.
SMALL = 5
# The longest span of years one report covers.
MAX_YEARS = 10
FIRST_YEAR = 2000


class YearStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    ADOPTED = "vastgesteld", _("Adopted")
