"""Subjects: persons, organisations, addresses and vehicles, and the relations between them.

Every subject has one row in ``Subject`` (kind, label, owner team, search key) and one row
in the table of its kind, sharing the primary key. Relations join two subjects, so the
network of persons, companies, premises and vehicles is one graph.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.core.models import PublicIdModel, TimeStampedModel
from weerbaar.core.normalize import format_plate, format_postcode
from weerbaar.subjects.constants import (
    RELATION_REVERSE,
    InfoGrade,
    LegalForm,
    RelationKind,
    SourceGrade,
    SubjectKind,
    UsePurpose,
)


class Subject(PublicIdModel):
    kind = models.CharField(_("kind"), max_length=16, choices=SubjectKind.choices)
    label = models.CharField(_("name"), max_length=255)
    search_text = models.CharField(_("search text"), max_length=400, blank=True)
    owner_team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner (team)"),
        help_text=_("Empty for registry data; otherwise the team that recorded the subject."),
    )
    source = models.CharField(_("source"), max_length=64, blank=True)
    # Set when the subject turned out to be a duplicate: what pointed at it now points at
    # the subject it was merged into (``subjects.merging``), until the merge is undone.
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("merged into"),
    )

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        indexes = [models.Index(fields=["kind", "label"])]

    def __str__(self) -> str:
        return self.label


class Person(models.Model):
    subject = models.OneToOneField(
        Subject, primary_key=True, on_delete=models.CASCADE, related_name="person"
    )
    given_names = models.CharField(_("given names"), max_length=200, blank=True)
    initials = models.CharField(_("initials"), max_length=20, blank=True)
    prefix = models.CharField(_("name prefix"), max_length=20, blank=True)
    surname = models.CharField(_("surname"), max_length=200)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    bsn_hash = models.CharField(_("BSN (encrypted)"), max_length=64, blank=True, db_index=True)
    surname_key = models.CharField(max_length=200, editable=False)
    given_key = models.CharField(max_length=100, editable=False, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            models.Index(fields=["surname_key", "given_key"]),
            models.Index(fields=["surname_key", "initials"]),
        ]

    @property
    def full_name(self) -> str:
        return " ".join(
            p for p in (self.given_names or self.initials, self.prefix, self.surname) if p
        )


class Organisation(models.Model):
    subject = models.OneToOneField(
        Subject, primary_key=True, on_delete=models.CASCADE, related_name="organisation"
    )
    name = models.CharField(_("name"), max_length=255)
    kvk_number = models.CharField(_("KvK number"), max_length=8, blank=True, db_index=True)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices, blank=True
    )
    sbi_codes = models.JSONField(_("SBI codes"), default=list, blank=True)
    founded_on = models.DateField(_("founding date"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class Address(models.Model):
    subject = models.OneToOneField(
        Subject, primary_key=True, on_delete=models.CASCADE, related_name="address"
    )
    street = models.CharField(_("street"), max_length=120)
    house_number = models.PositiveIntegerField(_("house number"))
    house_letter = models.CharField(_("house letter"), max_length=1, blank=True)
    house_number_addition = models.CharField(_("house number addition"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    place = models.CharField(_("place"), max_length=80)
    bag_nummeraanduiding_id = models.CharField(
        _("BAG address id"), max_length=16, blank=True, db_index=True
    )
    bag_verblijfsobject_id = models.CharField(
        _("BAG residential object id"), max_length=16, blank=True
    )
    surface_m2 = models.PositiveIntegerField(_("surface area (m²)"), null=True, blank=True)
    use_purpose = models.CharField(
        _("use purpose"), max_length=32, choices=UsePurpose.choices, blank=True
    )
    street_key = models.CharField(max_length=120, editable=False)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        indexes = [
            models.Index(fields=["postcode", "house_number"]),
            models.Index(fields=["street_key", "house_number"]),
            # The inbox filters signals by place, whatever the case typed.
            models.Index(Upper("place"), name="address_place_upper"),
        ]

    @property
    def house(self) -> str:
        text = f"{self.house_number}{self.house_letter}"
        return f"{text}-{self.house_number_addition}" if self.house_number_addition else text

    @property
    def display(self) -> str:
        return f"{self.street} {self.house}, {format_postcode(self.postcode)} {self.place}".replace(
            ",  ", ", "
        )


class Vehicle(models.Model):
    subject = models.OneToOneField(
        Subject, primary_key=True, on_delete=models.CASCADE, related_name="vehicle"
    )
    plate = models.CharField(_("licence plate"), max_length=8, unique=True)
    make = models.CharField(_("make"), max_length=60, blank=True)
    model_name = models.CharField(_("model"), max_length=60, blank=True)
    colour = models.CharField(_("colour"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")

    @property
    def formatted_plate(self) -> str:
        return format_plate(self.plate)


class Relation(PublicIdModel):
    kind = models.CharField(_("relation kind"), max_length=20, choices=RelationKind.choices)
    from_subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="relations_out", verbose_name=_("from")
    )
    to_subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="relations_in", verbose_name=_("to")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=64)
    note = models.CharField(_("note"), max_length=255, blank=True)
    # Graded like soft information on a signal when recorded by hand; a registry's own
    # relations (BRP, KvK) carry no grade.
    source_grade = models.CharField(
        _("reliability of the source"), max_length=1, choices=SourceGrade.choices, blank=True
    )
    info_grade = models.CharField(
        _("reliability of the information"), max_length=1, choices=InfoGrade.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="relation_dates_in_order",
            )
        ]

    @property
    def reverse_label(self) -> str:
        """How the relation reads from the subject at its other end."""
        return str(RELATION_REVERSE.get(self.kind, self.get_kind_display()))

    @property
    def grading(self) -> str:
        return f"{self.source_grade}{self.info_grade}"


class NameToken(TimeStampedModel):
    """The vocabulary of distinct name and street keys that fuzzy search matches against.

    Insert-only: searchers load it once and then only the rows added since.
    """

    class Kind(models.TextChoices):
        SURNAME = "surname", _("surname")
        GIVEN = "given", _("given name")
        STREET = "street", _("street")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    token = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("search token")
        verbose_name_plural = _("search tokens")
        constraints = [models.UniqueConstraint(fields=["kind", "token"], name="unique_name_token")]


class DuplicatePair(PublicIdModel):
    """Two subjects that may be the same, and the analyst's judgement of them. A judged pair
    is kept, so the next import or linkage run never proposes it again."""

    class Status(models.TextChoices):
        OPEN = "open", _("To judge")
        SAME = "same", _("The same: merged")
        DISTINCT = "distinct", _("Not the same")

    # ``first`` has the smaller primary key, so a pair has one row whichever way it is found.
    first = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    probability = models.FloatField(_("match probability"))
    # Per side, how it was linked to the registry record both share: comparison -> level, weight.
    explanation = models.JSONField(_("why"), default=dict)
    found_by = models.CharField(_("found by"), max_length=120)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["-probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="duplicate_pair_once"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="duplicate_pair_ordered"
            ),
        ]
        permissions = [("merge_subject", _("Can merge and unmerge duplicate subjects"))]


class SubjectMerge(PublicIdModel):
    """One merge of a duplicate into the subject kept, with what it moved, so that undoing
    it puts exactly those records back."""

    kept = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("kept")
    )
    absorbed = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("merged duplicate")
    )
    reason = models.CharField(_("reason"), max_length=255)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # [{"model": label, "field": name, "pks": [...]}] for foreign keys moved;
    # [{"model": label, "field": name, "owner": pk, "had_kept": bool}] for many-to-many;
    # the serialised rows set aside because the kept subject already had their like.
    moved = models.JSONField(default=list)
    joined = models.JSONField(default=list)
    set_aside = models.JSONField(default=list)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undo_reason = models.CharField(_("reason for undoing"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("merge of subjects")
        verbose_name_plural = _("merges of subjects")
        ordering = ["-created_at"]
