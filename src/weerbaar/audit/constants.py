from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    # accounts
    LOGIN = "auth.login", _("Ingelogd")
    LOGIN_FAILED = "auth.login_failed", _("Inloggen mislukt")
    LOGOUT = "auth.logout", _("Uitgelogd")
    PASSWORD_CHANGED = "auth.password_changed", _("Wachtwoord gewijzigd")
    OTP_ENROLLED = "auth.otp_enrolled", _("Tweede factor ingesteld")
    OTP_VERIFIED = "auth.otp_verified", _("Tweede factor gecontroleerd")
    OTP_FAILED = "auth.otp_failed", _("Tweede factor onjuist")
    USER_CREATED = "accounts.user_created", _("Gebruiker aangemaakt")
    ROLES_CHANGED = "accounts.roles_changed", _("Rollen gewijzigd")
    TEAM_CREATED = "accounts.team_created", _("Team aangemaakt")
    TEAM_MEMBER_ADDED = "accounts.team_member_added", _("Teamlid toegevoegd")
    SHARE_GRANTED = "accounts.share_granted", _("Gedeeld")
    TOKEN_CREATED = "accounts.token_created", _("API-sleutel aangemaakt")
    # subjects
    SUBJECT_CREATED = "subjects.created", _("Subject aangemaakt")
    SUBJECT_UPDATED = "subjects.updated", _("Subject gewijzigd")
    SUBJECT_VIEWED = "subjects.viewed", _("Subject bekeken")
    SUBJECT_SEARCHED = "subjects.searched", _("Subjecten gezocht")
    RELATION_CREATED = "subjects.relation_created", _("Relatie vastgelegd")
    # audit
    AUDIT_VIEWED = "audit.viewed", _("Audittrail ingezien")
    # any app
    ACCESS_DENIED = "access.denied", _("Toegang geweigerd")


class AuditResult(models.TextChoices):
    ALLOWED = "allowed", _("toegestaan")
    DENIED = "denied", _("geweigerd")
