from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.core.forms import DATE
from weerbaar.network.selectors import Filters
from weerbaar.subjects.constants import RelationKind

GRADES = [
    ("", _("Every grade")),
    ("A", _("Source A only")),
    ("AB", _("Sources A and B")),
    ("ABC", _("Sources A to C")),
]
LAYOUTS = [
    ("cose", _("Force-directed")),
    ("breadthfirst", _("Tree")),
    ("concentric", _("Rings")),
    ("circle", _("Circle")),
    ("grid", _("Grid")),
]


class FilterForm(forms.Form):
    """The filters of the network, sent along with every expansion (GET: they hold no names)."""

    soort = forms.MultipleChoiceField(
        label=_("Kinds of relation"),
        choices=RelationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every kind."),
    )
    vanaf = forms.DateField(label=_("Holds on or after"), required=False, widget=DATE)
    tot = forms.DateField(label=_("Holds on or before"), required=False, widget=DATE)
    betrouwbaarheid = forms.ChoiceField(
        label=_("Reliability of the source"),
        choices=GRADES,
        required=False,
        help_text=_("Relations from a basisregistratie carry no grade and are always shown."),
    )

    def clean(self):
        data = super().clean()
        if data.get("vanaf") and data.get("tot") and data["tot"] < data["vanaf"]:
            self.add_error("tot", _("The end date lies before the start date."))
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data if self.is_valid() else {}
        return Filters(
            kinds=tuple(data.get("soort") or ()),
            since=data.get("vanaf"),
            until=data.get("tot"),
            grade=data.get("betrouwbaarheid") or "",
        )


class PictureForm(forms.Form):
    format = forms.ChoiceField(choices=[("png", "PNG"), ("svg", "SVG")])
    doel = forms.CharField(min_length=5, max_length=200)
    start = forms.CharField(max_length=80)
    nodes = forms.IntegerField(min_value=0)
    edges = forms.IntegerField(min_value=0)
