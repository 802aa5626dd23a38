"""The retention job's runs, its deletion register and the legal holds that stop it; the
requests of data subjects, the review of access rights, the processing register and the
openings of another team's records with a reason."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from weerbaar.cases.models import Case
from weerbaar.core.models import PublicIdModel
from weerbaar.signals.models import Signal


class RetentionRun(models.Model):
    """One pass of the retention job; ``started_by`` is empty for the daily job."""

    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    removed = models.PositiveIntegerField(_("records removed"), default=0)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at", "-id"]
        permissions = [("view_retention", _("Can see the retention terms, holds and register"))]


class Deletion(models.Model):
    """A tombstone: what kind of record went, by which rule, when and how many; never what
    the records held."""

    run = models.ForeignKey(RetentionRun, on_delete=models.PROTECT, related_name="deletions")
    kind = models.CharField(_("kind of record"), max_length=40)
    title = models.CharField(_("kind of record"), max_length=120)
    rule = models.CharField(_("rule"), max_length=500)
    count = models.PositiveIntegerField(_("number"))
    deleted_on = models.DateField(_("removed on"))
    anonymised = models.BooleanField(_("anonymised rather than deleted"), default=False)

    class Meta:
        verbose_name = _("deletion")
        verbose_name_plural = _("deletion register")
        ordering = ["-deleted_on", "-id"]


class LegalHold(PublicIdModel):
    """Keeps a case or a signal past its term, at the request of the FG (an objection, an
    appeal or a request of a court or the DPA). Cases under objection or appeal are held
    without one."""

    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signal = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=False, signal__isnull=True)
                | Q(case__isnull=True, signal__isnull=False),
                name="hold_on_one_record",
            )
        ]


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Access (AVG art. 15)")
    RECTIFICATION = "rectification", _("Rectification (AVG art. 16)")
    ERASURE = "erasure", _("Erasure (AVG art. 17)")
    RESTRICTION = "restriction", _("Restriction of processing (AVG art. 18)")
    OBJECTION = "objection", _("Objection (AVG art. 21)")


class Ground(models.TextChoices):
    """The grounds of UAVG art. 41 on which the product withholds a record from a copy."""

    REPORTER = "reporter", _("Protection of the reporter (UAVG art. 41(1)(i))")
    OFFENCES = "offences", _("Prevention and detection of offences (UAVG art. 41(1)(d))")
    SUPERVISION = "supervision", _("Supervision and enforcement (UAVG art. 41(1)(h))")
    OTHERS = "others", _("Rights and freedoms of others (UAVG art. 41(1)(i))")


class DataRequest(PublicIdModel):
    """A request of a data subject, answered by the FG within a month of receipt (AVG art.
    12(3)), extended by two months where the request is complex."""

    reference = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("kind of request"), max_length=16, choices=RequestKind.choices)
    subject = models.ForeignKey(
        "subjects.Subject", on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    requester = models.CharField(
        _("requested by"),
        max_length=200,
        help_text=_("As the request was signed, and how the identity was checked."),
    )
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("answer due on"))
    extension_reason = models.CharField(_("reason for the extension"), max_length=500, blank=True)
    completed_on = models.DateField(_("answered on"), null=True, blank=True)
    outcome = models.TextField(_("answer in short"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("request of a data subject")
        verbose_name_plural = _("requests of data subjects")
        ordering = ["completed_on", "due_on", "-id"]
        permissions = [("handle_datarequest", _("Can answer requests of data subjects"))]

    def __str__(self) -> str:
        return self.reference


class Withholding(models.Model):
    """A record left out of the copy for the data subject, with its ground."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="withheld")
    record_key = models.CharField(max_length=140)
    ground = models.CharField(_("ground"), max_length=12, choices=Ground.choices)
    explanation = models.CharField(_("explanation"), max_length=500)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("withholding")
        verbose_name_plural = _("withholdings")
        constraints = [
            models.UniqueConstraint(fields=["request", "record_key"], name="withheld_once")
        ]


class Annotation(PublicIdModel):
    """A fact the data subject disputes, with their own account beside it (AVG art. 16):
    the record is not silently changed. It goes with the subject."""

    subject = models.ForeignKey(
        "subjects.Subject", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    request = models.ForeignKey(
        DataRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="annotations"
    )
    record_key = models.CharField(max_length=140)
    record_label = models.CharField(_("record"), max_length=200)
    fact = models.CharField(_("disputed fact"), max_length=300)
    statement = models.TextField(_("the account of the person concerned"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")
        ordering = ["-created_at", "-id"]


class Restriction(PublicIdModel):
    """Processing of a subject restricted (AVG art. 18): no new links until it is lifted.
    It goes with the subject."""

    subject = models.ForeignKey(
        "subjects.Subject", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    request = models.ForeignKey(
        DataRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("restriction of processing")
        verbose_name_plural = _("restrictions of processing")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject"], condition=Q(lifted_at__isnull=True), name="restricted_once"
            )
        ]


class ReviewScope(models.TextChoices):
    ALL = "all", _("Every user (yearly)")
    PRIVILEGED = "privileged", _("Privileged roles (quarterly)")


class AccessReview(PublicIdModel):
    """The signed-off review of who may do what (BIO 5.18): every user once a year, the
    privileged roles every quarter. The list as it was signed is kept with its hash."""

    scope = models.CharField(_("review"), max_length=12, choices=ReviewScope.choices)
    period = models.CharField(_("period"), max_length=8)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("findings"), blank=True)
    users = models.PositiveIntegerField(_("users reviewed"))
    snapshot = models.JSONField(_("the list as signed"))
    snapshot_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("access review")
        verbose_name_plural = _("access reviews")
        ordering = ["-created_at", "-id"]
        permissions = [("sign_accessreview", _("Can sign off the review of access rights"))]
        constraints = [
            models.UniqueConstraint(fields=["scope", "period"], name="review_once_per_period")
        ]


class ProcessingActivity(models.Model):
    """One processing activity of the register (AVG art. 30): policy data with defaults, kept
    by the functioneel beheerder, shown to the FG beside what the product does in practice."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    purpose = models.TextField(_("purpose"))
    legal_basis = models.TextField(_("legal basis"))
    data_subjects = models.TextField(_("categories of data subjects"))
    data_categories = models.TextField(_("categories of personal data"))
    criminal_data = models.BooleanField(
        _("criminal data (UAVG art. 33)"),
        default=False,
        help_text=_("Data about criminal convictions and offences or related measures."),
    )
    recipients = models.TextField(_("recipients"))
    sources = models.TextField(_("sources"), blank=True)
    retention = models.JSONField(
        _("retention kinds"),
        default=list,
        blank=True,
        help_text=_('The codes of the retention terms that apply, e.g. ["case", "intervention"].'),
    )
    measures = models.TextField(_("security measures"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("processing activity")
        verbose_name_plural = _("processing register")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Judgement(models.TextChoices):
    OPEN = "", _("Not judged yet")
    JUSTIFIED = "justified", _("Justified")
    UNJUSTIFIED = "unjustified", _("Not justified")


class EmergencyAccess(PublicIdModel):
    """A signal or case of another team opened with a stated reason ("break the glass",
    SECURITY.md P22): a share to the user alone until ``until``, judged by the FG after."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    object_type = models.CharField(_("kind of record"), max_length=40)
    object_uuid = models.UUIDField(_("record"))
    reference = models.CharField(_("number"), max_length=20)
    reason = models.TextField(_("reason"))
    share = models.OneToOneField(
        "accounts.Share", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    until = models.DateTimeField(_("open until"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    judgement = models.CharField(
        _("judgement"), max_length=12, choices=Judgement.choices, blank=True, default=""
    )
    judgement_note = models.TextField(_("note of the FG"), blank=True)
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    judged_at = models.DateTimeField(_("judged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("opening with a reason")
        verbose_name_plural = _("openings with a reason")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["judgement", "-created_at"])]
        permissions = [("judge_emergencyaccess", _("Can judge openings with a reason"))]

    def __str__(self) -> str:
        return self.reference

    @property
    def closes_at(self):
        return min(self.until, self.ended_at) if self.ended_at else self.until
