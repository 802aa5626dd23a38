from django.db import models
from django.utils.translation import gettext_lazy as _

# The Bibob role's door to every screening (Wet Bibob art. 28: the compartment); others see a
# screening only through an explicit share.
SEE_ALL_PERMISSION = "screening.view_screening"
CHANGE_PERMISSION = "screening.change_screening"
ADD_PERMISSION = "screening.add_screening"

REFERENCE_PREFIX = "B"
# Wet Bibob art. 15: the Landelijk Bureau Bibob advises within eight weeks, once extendable by
# at most four.
LBB_WEEKS = 8
LBB_EXTENSION_WEEKS = 4
# Awb art. 4:8: the applicant may give an opinion on an intended refusal or conditions; the
# municipality's usual term for it.
OPINION_WEEKS = 2
LETTER_FOLDER = "screening-letters"


class Status(models.TextChoices):
    NEW = "new", _("New")
    INVESTIGATION = "investigation", _("Own investigation")
    LBB_REQUESTED = "lbb_requested", _("Advice asked of the LBB")
    ADVISED = "advised", _("Advice received")
    INTENTION = "intention", _("Intention sent")
    DECIDED = "decided", _("Decided")


OPEN = (
    Status.NEW,
    Status.INVESTIGATION,
    Status.LBB_REQUESTED,
    Status.ADVISED,
    Status.INTENTION,
)
# The status follows the steps recorded (rules.status_of). Several steps may be recorded at once
# and a wrong date corrected, so an open screening moves to any other open state; a decision
# ends it from any open state (rules.decision_errors: while an advice is pending only the
# applicant's withdrawal), and a decided screening moves no more.
ALLOWED = {
    **{state: {*(s for s in OPEN if s != state), Status.DECIDED} for state in OPEN},
    Status.DECIDED: set(),
}


class PartyRole(models.TextChoices):
    DIRECTOR = "bestuurder", _("Director")
    SHAREHOLDER = "aandeelhouder", _("Shareholder")
    FINANCIER = "financier", _("Financier")
    PROPERTY_OWNER = "pandeigenaar", _("Owner of the premises")
    MANAGER = "leidinggevende", _("Manager")


class Degree(models.TextChoices):
    """The degree of danger the LBB's advice states (Wet Bibob art. 3)."""

    NONE = "none", _("No degree of danger")
    LESSER = "lesser", _("A lesser degree of danger")
    SERIOUS = "serious", _("A serious degree of danger")


class Decision(models.TextChoices):
    GRANT = "grant", _("Granted")
    CONDITIONS = "conditions", _("Granted with conditions")
    REFUSE = "refuse", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn by the applicant")


class Intention(models.TextChoices):
    """What the municipality intends when it must hear the applicant first (Awb art. 4:8)."""

    CONDITIONS = "conditions", _("Grant with conditions")
    REFUSE = "refuse", _("Refuse")


class Authority(models.TextChoices):
    """Who decides on a kind of permit, and so signs its letters (never an official)."""

    MAYOR = "mayor", _("The mayor")
    COLLEGE = "college", _("The college of mayor and aldermen")


class LetterKind(models.TextChoices):
    INTENTION = "voornemen", _("Intention")
    DECISION = "besluit", _("Decision")
