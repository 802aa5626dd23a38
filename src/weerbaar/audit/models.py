"""The append-only, hash-chained audit trail.

Each record stores the hash of the record before it; changing, removing or inserting a
record anywhere breaks the chain from that point, which ``weerbaar audit verify`` reports.
Database triggers refuse UPDATE and DELETE, so tampering needs a deliberate act of a
database administrator, which the chain then exposes.
"""

import uuid
from datetime import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.audit import chain
from weerbaar.audit.constants import AuditAction, AuditResult

GENESIS_HASH = chain.GENESIS_HASH


class AuditRecord(models.Model):
    created_at = models.DateTimeField(_("time"), db_index=True)
    # Plain values instead of foreign keys: the trail outlives users and objects.
    actor_id = models.BigIntegerField(_("user id"), null=True, blank=True, db_index=True)
    actor_username = models.CharField(_("user name"), max_length=150, blank=True)
    actor_roles = models.CharField(_("roles"), max_length=255, blank=True)
    # No choices on the column: every app adds actions, and the trail must not need a
    # migration for each; labels come from AuditAction.
    action = models.CharField(_("action"), max_length=64)
    result = models.CharField(
        _("result"), max_length=16, choices=AuditResult.choices, default=AuditResult.ALLOWED
    )
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True, db_index=True)
    subject_ref = models.CharField(
        _("subject"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Identifier of the person, organisation, address or vehicle concerned."),
    )
    route = models.CharField(_("screen or route"), max_length=255, blank=True)
    purpose = models.CharField(_("purpose or reason"), max_length=500, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        ordering = ["-id"]
        indexes = [models.Index(fields=["action", "created_at"])]

    @property
    def day_only(self) -> bool:
        """Whether only the day of this record is known: acts of public reporters are stored
        as local midnight on purpose (``audit_record(day_only=True)``, SECURITY.md P6)."""
        local = timezone.localtime(self.created_at)
        return self.actor_id is None and local.time() == time.min

    @property
    def action_label(self) -> str:
        try:
            return AuditAction(self.action).label
        except ValueError:
            return self.action

    def compute_hash(self) -> str:
        """The hash of this record in the current form (``audit.chain``)."""
        return chain.current_hash(self)

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("Audit records cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Audit records cannot be deleted."))


class AuditTombstone(models.Model):
    """What is left of a record past the audit trail's own term: its place in the chain and
    its hashes, not its content. The database lets a record go only once its tombstone is
    written, and refuses changes to tombstones as to records."""

    record_id = models.BigIntegerField(primary_key=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("removed audit record")
        verbose_name_plural = _("removed audit records")
        ordering = ["record_id"]


class AuditChainHead(models.Model):
    """One row holding the newest record's id and hash; writers lock it to extend the chain."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("head of the audit chain")


class ExportRequest(models.Model):
    """A bulk export that waits for a second person (SECURITY.md P23): what was asked, by
    whom and why; the file is made only when someone else approved, once, by the asker."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")
        USED = "used", _("downloaded")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    list_name = models.CharField(_("list"), max_length=60)
    title = models.CharField(_("title"), max_length=120)
    path = models.CharField(_("page"), max_length=255)
    filters = models.JSONField(_("filters"), default=list, blank=True)
    fmt = models.CharField(_("format"), max_length=8)
    purpose = models.CharField(_("purpose"), max_length=200)
    rows = models.PositiveIntegerField(_("rows"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    used_at = models.DateTimeField(_("downloaded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("export request")
        verbose_name_plural = _("export requests")
        ordering = ["-created_at", "-id"]
        permissions = [("approve_exportrequest", _("Can approve another user's bulk export"))]

    def __str__(self) -> str:
        return f"{self.title} ({self.rows})"
