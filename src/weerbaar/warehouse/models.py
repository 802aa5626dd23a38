import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.warehouse import rules


class ImportRun(models.Model):
    """One import of a registry extract, with its report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        LOADED = "loaded", _("Loaded")
        UNCHANGED = "unchanged", _("Unchanged (same file as the last import)")
        FAILED = "failed", _("Failed: nothing changed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.CharField(_("source"), max_length=20)
    file_name = models.CharField(_("file"), max_length=255)
    content_hash = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    rows_loaded = models.PositiveIntegerField(_("rows loaded"), default=0)
    rows_rejected = models.PositiveIntegerField(_("rows rejected"), default=0)
    rows_historic = models.PositiveIntegerField(_("ended occurrences skipped"), default=0)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    # Which process works on the run, and when it last said so (``warehouse.liveness``).
    worker = models.CharField(max_length=100, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at", "-id"]


class Rejection(models.Model):
    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="rejections")
    row = models.CharField(_("row or object"), max_length=120)
    reason = models.CharField(_("reason"), max_length=255)

    class Meta:
        verbose_name = _("rejected row")
        verbose_name_plural = _("rejected rows")
        ordering = ["id"]


class RuleSetting(models.Model):
    """A municipality's own thresholds for a rule (policy data, kept by the beheerder)."""

    rule = models.SlugField(_("rule"), unique=True)
    params = models.JSONField(_("thresholds"), default=dict)

    class Meta:
        verbose_name = _("rule setting")
        verbose_name_plural = _("rule settings")

    def __str__(self) -> str:
        return self.rule

    def clean(self) -> None:
        """Thresholds only of the rule's own parameters: one misspelled name would stop the
        rule on every scan."""
        rule = next((r for r in rules.all_rules() if r.code == self.rule), None)
        if rule is None:
            raise ValidationError({"rule": _("There is no rule with this code.")})
        problem = rules.params_problem(rule, self.params)
        if problem:
            raise ValidationError({"params": problem})


class Alert(models.Model):
    """A hit of a rule, waiting for the analyst's review."""

    class Status(models.TextChoices):
        OPEN = "open", _("To review")
        DISMISSED = "dismissed", _("Dismissed")
        SIGNAL = "signal", _("Turned into a signal")
        LAPSED = "lapsed", _("No longer found by the rule")
        INSPECTED = "inspected", _("Followed up by a control")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    rule = models.SlugField(_("rule"))
    rule_version = models.CharField(_("rule version"), max_length=12)
    params = models.JSONField(_("thresholds"), default=dict)
    key = models.CharField(_("object"), max_length=64)
    facts = models.JSONField(_("facts"), default=dict)
    facts_hash = models.CharField(max_length=64)
    explanation = models.CharField(_("explanation"), max_length=500)
    area = models.CharField(_("area"), max_length=80, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    raised_at = models.DateTimeField(_("raised at"))
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismiss_reason = models.CharField(_("reason"), max_length=500, blank=True)
    signal_uuid = models.UUIDField(_("signal"), null=True, blank=True)
    # What the controls and address checks planned from the alert found, a line each.
    # (a database default: the scan inserts alerts with raw SQL naming only its columns)
    outcome = models.TextField(_("outcome of the follow-up"), blank=True, db_default="")

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "key"], name="alert_once_per_object")
        ]
        indexes = [models.Index(fields=["status", "rule", "-raised_at"])]


class RegistryLink(models.Model):
    """A person or organisation recorded in the application without a registry key (BSN,
    KvK number), linked by record linkage to a record of the BRP or KvK extract; uncertain
    pairs wait for the analyst's judgement."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Persons")
        ORGANISATION = "organisation", _("Organisations")

    class Status(models.TextChoices):
        LINKED = "linked", _("Linked automatically")
        REVIEW = "review", _("To review")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected: not the same")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PERSON)
    subject = models.ForeignKey(
        "subjects.Subject", on_delete=models.CASCADE, related_name="+", verbose_name=_("subject")
    )
    # the hashed BSN of a BRP person, or the KvK number of an establishment's organisation
    registry_key = models.CharField(max_length=64, db_index=True)
    registry_record = models.JSONField(_("record in the registry"), default=dict)
    match_weight = models.FloatField(_("match weight"))
    match_probability = models.FloatField(_("match probability"))
    weights = models.JSONField(_("weights per comparison"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    found_at = models.DateTimeField(_("found at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("registry link")
        verbose_name_plural = _("registry links")
        ordering = ["-match_probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["subject", "registry_key"], name="registry_link_once")
        ]


class ScanRun(models.Model):
    """One run of all rules, or of the record linkage, started from a page and worked off
    in the background."""

    class Work(models.TextChoices):
        RULES = "rules", _("The rules")
        LINKAGE = "linkage", _("Record linkage")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed: nothing changed")

    work = models.CharField(_("work"), max_length=10, choices=Work.choices, default=Work.RULES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    counts = models.JSONField(_("outcome"), default=dict)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    worker = models.CharField(max_length=100, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        ordering = ["-id"]
