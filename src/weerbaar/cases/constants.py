from django.db import models
from django.utils.translation import gettext_lazy as _

SEE_ALL_PERMISSION = "cases.view_case"
CHANGE_PERMISSION = "cases.change_case"
ADD_PERMISSION = "cases.add_case"
# Who reads the whole file of a case shared with them, not only its heading and own tasks.
FILE_PERMISSION = "cases.view_case_file"

# Statuses every case type starts from; a type may list its own (policy data).
DEFAULT_STATUSES = ["Intake", "Onderzoek", "Interventie", "Nazorg"]
DEFAULT_RESULTS = [
    "Maatregel uitgevoerd",
    "Waarschuwing gegeven",
    "Overgedragen aan partner",
    "Geen grond voor maatregel",
]


class SubjectRole(models.TextChoices):
    CONCERNED = "concerned", _("Concerned")
    LOCATION = "location", _("Location")
    OWNER = "owner", _("Owner or landlord")
    OPERATOR = "operator", _("Operator")
    VEHICLE = "vehicle", _("Vehicle")
