from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.core.forms import DATE
from weerbaar.subjects.constants import (
    RELATION_ENDS,
    RELATION_REVERSE,
    InfoGrade,
    RelationKind,
    SourceGrade,
)

REVERSE = ":andersom"
# A relation that reads the same from both ends.
SYMMETRIC = {RelationKind.FAMILY_OF}


def kind_choices(subject, other) -> list[tuple[str, str]]:
    """The relations that fit the two kinds of subject, read from ``subject``: "lives at"
    when it is the person, "is the address of" when it is the address."""
    choices = []
    for kind in RelationKind:
        ends = RELATION_ENDS[kind]
        if (subject.kind, other.kind) in ends:
            choices.append((kind.value, kind.label))
        if (other.kind, subject.kind) in ends and kind not in SYMMETRIC:
            choices.append((kind.value + REVERSE, RELATION_REVERSE[kind]))
    return choices


def read_kind(value: str, subject, other):
    """(kind, from, to) of a choice of ``kind_choices``."""
    if value.endswith(REVERSE):
        return value.removesuffix(REVERSE), other, subject
    return value, subject, other


class _Graded(forms.Form):
    valid_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    valid_until = forms.DateField(
        label=_("Until"), required=False, widget=DATE, help_text=_("Empty while it holds.")
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=64,
        help_text=_(
            "E.g. a control, a report, the KvK. Information the police provided belongs in "
            "the police compartment of the case, not here."
        ),
    )
    source_grade = forms.ChoiceField(
        label=_("Reliability of the source"), choices=[("", "—"), *SourceGrade.choices]
    )
    info_grade = forms.ChoiceField(
        label=_("Reliability of the information"), choices=[("", "—"), *InfoGrade.choices]
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class RelationForm(_Graded):
    other = forms.UUIDField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Relation"))

    field_order = ["other", "kind"]

    def __init__(self, *args, subject, other, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(subject, other)
        self.fields["other"].initial = other.uuid


class RelationCorrectForm(_Graded):
    version = forms.IntegerField(widget=forms.HiddenInput)


class RelationEndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE)
    reason = forms.CharField(
        label=_("Why did it end?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
