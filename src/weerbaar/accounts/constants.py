from django.db import models
from django.utils.translation import gettext_lazy as _

# Who manages users and their keys (the beheerder).
CHANGE_USER_PERMISSION = "accounts.change_user"


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
        # Viewing only: the permissions of roles are changed by a superuser (admin.py).
        "auth.view_group",
    ],
    Role.FG: ["audit.view_auditrecord", "accounts.view_user", "accounts.view_team"],
}

# Roles that see what others may not (all cases, Bibob files, the audit trail) or hand out
# roles: granting one needs a second person (SECURITY.md P23). The beheerder is among them,
# or a beheerder could make a second beheerder account and approve his own requests with it.
FOUR_EYES_ROLES = frozenset({Role.REGISSEUR, Role.BIBOB_COORDINATOR, Role.FG, Role.BEHEERDER})


class GrantStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class TokenScope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class TokenEnd(models.TextChoices):
    """Why an API key stopped working before its expiry."""

    RENEWED = "renewed", _("Replaced by a new key")
    BY_USER = "by_user", _("Withdrawn")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    DEACTIVATED = "deactivated", _("Account deactivated")
    ROLES_CHANGED = "roles_changed", _("Roles changed")


class NotificationKind(models.TextChoices):
    """What a message in the inbox is about; messages of one kind and target collapse."""

    MESSAGE = "message", _("Message")
    REPORTER_ANSWERED = "reporter_answered", _("Reporter answered")
    REVEAL_REQUESTED = "reveal_requested", _("Reveal request waits for a second person")
    TASK_ASSIGNED = "task_assigned", _("Task assigned")
    ACTION_ASSIGNED = "action_assigned", _("Action point assigned")
    DEADLINE_NEAR = "deadline_near", _("Deadline approaching")
    DEADLINE_OVERDUE = "deadline_overdue", _("Deadline passed")
