import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.cases.constants import DEFAULT_RESULTS, DEFAULT_STATUSES, SubjectRole
from weerbaar.signals.models import Signal
from weerbaar.subjects.models import Subject


def _default_statuses():
    return list(DEFAULT_STATUSES)


def _default_results():
    return list(DEFAULT_RESULTS)


class CaseType(models.Model):
    """A kind of case (like a ZGW zaaktype): policy data kept by the functioneel beheerder."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    reporting_category = models.CharField(
        _("category in the yearly report"), max_length=120, blank=True
    )
    default_team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("default team"),
    )
    statuses = models.JSONField(
        _("statuses"), default=_default_statuses, help_text=_("In order, as a list of names.")
    )
    results = models.JSONField(_("possible results"), default=_default_results)
    retention_years = models.PositiveSmallIntegerField(_("retention period in years"), default=5)
    visible_to_roles = models.JSONField(
        _("roles that see every case of this type"),
        default=list,
        blank=True,
        help_text=_('Role codes, e.g. ["burgemeester"]; the case\'s own team always sees it.'),
    )
    riec = models.BooleanField(_("RIEC case type"), default=False)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("case type")
        verbose_name_plural = _("case types")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Case(models.Model):
    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    # C-2026-0007: what officers say and type; given by case_open (core.references).
    reference = models.CharField(_("case number"), max_length=20, unique=True, editable=False)
    case_type = models.ForeignKey(
        CaseType, on_delete=models.PROTECT, related_name="cases", verbose_name=_("case type")
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=60)
    owner_team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team")
    )
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=120, blank=True)
    riec = models.BooleanField(_("RIEC case"), default=False)
    riec_reference = models.CharField(_("RIEC reference"), max_length=60, blank=True)
    riec_partners = models.CharField(_("partners involved"), max_length=255, blank=True)
    # Where the case came from: the LIO decision that opened it, by its public id.
    origin = models.CharField(_("opened from"), max_length=255, blank=True)
    signals = models.ManyToManyField(Signal, blank=True, related_name="cases")
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on", "-id"]
        permissions = [("view_case_file", _("Can read a whole case file (notes, subjects)"))]
        indexes = [
            models.Index(fields=["-opened_on", "-id"], name="case_newest_first"),
            models.Index(fields=["owner_team", "-opened_on"]),
            models.Index(fields=["case_type", "-opened_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


class CaseSubject(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="subject_links")
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(
        _("role"), max_length=12, choices=SubjectRole.choices, default=SubjectRole.CONCERNED
    )

    class Meta:
        verbose_name = _("subject of a case")
        verbose_name_plural = _("subjects of cases")
        constraints = [
            models.UniqueConstraint(fields=["case", "subject"], name="case_subject_once")
        ]
        indexes = [models.Index(fields=["subject", "case"])]


class StatusChange(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(_("status"), max_length=60)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-changed_at", "-id"]


class Note(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(_("written at"), auto_now_add=True)
    changed_at = models.DateTimeField(_("corrected at"), null=True, blank=True)
    # A removal keeps a tombstone: who, when and why; the text itself is erased.
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removal_reason = models.CharField(_("reason for removal"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-written_at", "-id"]

    @property
    def stamp(self) -> str:
        """The moment of its last correction as a page carries it, so a correction made from
        an older page is refused instead of overwriting a colleague's."""
        return self.changed_at.isoformat() if self.changed_at else ""


class Task(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    description = models.CharField(_("task"), max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="case_tasks",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["done_on", "due_on", "id"]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"])]


class DocumentKind(models.TextChoices):
    REPORT = "report", _("Report (rapportage)")
    OFFICIAL_REPORT = (
        "official_report",
        _("Official report (proces-verbaal, bestuurlijke rapportage)"),
    )
    LETTER = "letter", _("Letter or decision")
    PHOTO = "photo", _("Photo")
    OTHER = "other", _("Other")


class Document(models.Model):
    """A document in a case file; every upload of the same document is a new version."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["title", "id"]


class DocumentVersion(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    file_name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_once")
        ]


class MemberRole(models.TextChoices):
    LEAD = "lead", _("Case lead")
    LAWYER = "lawyer", _("Lawyer")
    INSPECTOR = "inspector", _("Inspector")
    ANALYST = "analyst", _("Analyst")
    MEMBER = "member", _("Team member")


class CaseMember(models.Model):
    """Someone on the case team with a role in it; members see the case file."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_memberships"
    )
    role = models.CharField(_("role in the case"), max_length=12, choices=MemberRole.choices)

    class Meta:
        verbose_name = _("case team member")
        verbose_name_plural = _("case team members")
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="case_member_once")]
        indexes = [models.Index(fields=["user", "case"])]


class PartnerShare(models.Model):
    """The weighing behind sharing a case with a partner (P20): why it is needed, why it is in
    proportion and why less will not do, recorded once per share, beside its legal basis."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="partner_shares")
    share = models.OneToOneField(
        "accounts.Share", on_delete=models.CASCADE, related_name="case_weighing"
    )
    proportionality_text = models.TextField(_("proportionality in words"))
    subsidiarity_text = models.TextField(_("subsidiarity in words"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("weighing of a share with a partner")
        verbose_name_plural = _("weighings of shares with partners")
        ordering = ["-recorded_at", "-id"]
