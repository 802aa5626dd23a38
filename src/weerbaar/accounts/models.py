import uuid

from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.constants import (
    GrantStatus,
    NotificationKind,
    Role,
    TokenEnd,
    TokenScope,
)
from weerbaar.core.models import PublicIdModel


class User(AbstractUser):
    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.CharField(
        _("organisation"),
        max_length=120,
        blank=True,
        help_text=_("For partners: the organisation someone works for."),
    )
    email_notifications = models.BooleanField(
        _("also by e-mail"),
        default=False,
        help_text=_("Send each new message in the inbox to my e-mail address as well."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def role_names(self) -> set[str]:
        return set(self.groups.values_list("name", flat=True))


class Team(PublicIdModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_external = models.BooleanField(
        _("external partner"),
        default=False,
        help_text=_("A team of a partner (police, RIEC, housing corporation, ...)."),
    )
    members = models.ManyToManyField(
        User, through="TeamMembership", related_name="teams", verbose_name=_("members")
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
    since = models.DateField(_("member since"), auto_now_add=True)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
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
    purpose = models.CharField(_("purpose"), max_length=255)
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    granted_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("shared by")
    )
    expires_at = models.DateTimeField(_("expires on"), null=True, blank=True)
    # Opened with a reason by its own holder (break the glass, privacy/glass.py): it lets the
    # holder read and work on the record, never decide who else may (team, shares, members).
    emergency = models.BooleanField(_("opened with a reason"), default=False)

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, team__isnull=True)
                | Q(user__isnull=True, team__isnull=False),
                name="share_has_one_recipient",
            )
        ]

    def clean(self):
        if bool(self.user_id) == bool(self.team_id):
            raise ValidationError(_("Share with one user or with one team."))


class Notification(models.Model):
    """A message in a user's inbox in the application (an agenda sent out, a task, a reporter's
    answer, a deadline). Its text names references only, never a reporter's or subject's
    data. An unread message of one ``kind`` and ``target`` takes the next one of its kind
    and target: ``count`` goes up and ``last_at`` moves, so repeats do not fill the inbox."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(
        _("kind"), max_length=20, choices=NotificationKind.choices, default=NotificationKind.MESSAGE
    )
    target = models.CharField(_("about"), max_length=40, blank=True)
    text = models.CharField(_("message"), max_length=300)
    url = models.CharField(_("link"), max_length=300, blank=True)
    count = models.PositiveIntegerField(_("times"), default=1)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    last_at = models.DateTimeField(_("last sent at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-last_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["user", "kind", "target", "read_at"]),
        ]

    def __str__(self) -> str:
        return self.text


class NotificationSent(models.Model):
    """A notification that is sent once only (a deadline reminder per deadline and step):
    the key it was sent under, per user."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="notification_sent_once")
        ]


class CalendarToken(models.Model):
    """The secret in the address of a user's deadline calendar, stored as a keyed hash (as
    API keys are): the database alone does not open anyone's calendar."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="calendar_tokens")
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    key_hash = models.CharField(_("key hash"), max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")
        ordering = ["-created_at"]


class ApiToken(models.Model):
    """An API key, stored as a keyed hash: the database alone does not let anyone use it.

    The key is ``<prefix>.<secret>``; the prefix finds the row, the HMAC of the whole key
    proves it. ``password_mark`` binds the key to the password it was issued under, so a
    password changed by any path (also outside the services) ends it.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    key_hash = models.CharField(_("key hash"), max_length=64)
    password_mark = models.CharField(max_length=64)
    scope = models.CharField(_("scope"), max_length=8, choices=TokenScope.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(
        _("reason revoked"), max_length=20, choices=TokenEnd.choices, blank=True
    )

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix} ({self.get_scope_display()})"


class RoleGrantRequest(PublicIdModel):
    """Four-eyes for a privileged role: one beheerder asks, a second one (or a superuser)
    who is neither the asker nor the user decides; the role is granted only on approval."""

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="role_requests", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    requested_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GrantStatus.choices, default=GrantStatus.PENDING
    )
    decided_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("role grant request")
        verbose_name_plural = _("Role grant: requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requested_by=F("user")), name="role_grant_not_for_oneself"
            ),
            models.CheckConstraint(
                condition=~Q(decided_by=F("requested_by")) & ~Q(decided_by=F("user")),
                name="role_grant_needs_two_people",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(status=GrantStatus.PENDING),
                name="one_pending_grant_per_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.get_role_display()}"
