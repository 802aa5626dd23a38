from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.core.exports import ExportForm
from weerbaar.reporting.constants import FIRST_YEAR, MAX_YEARS


def _years():
    return [(y, str(y)) for y in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


class SpanForm(forms.Form):
    van = forms.TypedChoiceField(label=_("From the year"), coerce=int, choices=_years)
    tot = forms.TypedChoiceField(label=_("Up to and including"), coerce=int, choices=_years)

    def clean(self):
        data = super().clean()
        first, last = data.get("van"), data.get("tot")
        if first and last:
            if first > last:
                raise ValidationError({"tot": _("The last year comes after the first.")})
            if last - first >= MAX_YEARS:
                raise ValidationError(
                    {"tot": _("A report covers at most %(n)s years.") % {"n": MAX_YEARS}}
                )
        return data

    def years(self) -> range:
        return range(self.cleaned_data["van"], self.cleaned_data["tot"] + 1)


def default_span() -> dict:
    """The last three years and this one, as Westland's table has four columns."""
    this = timezone.localdate().year
    return {"van": this - 3, "tot": this}


class NarrativeForm(forms.Form):
    text = forms.CharField(
        label=_("Narrative"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The story behind the figures of this theme, for the council. No names."),
    )


class AdoptForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I adopt this year: its figures and narratives no longer change.")
    )


class PurposeForm(forms.Form):
    """The purpose asked of every file of the report, as of every export."""

    doel = ExportForm.base_fields["doel"]


class MapForm(forms.Form):
    """What the map shows: a layer, a year and how finely it counts. The levels offered
    depend on the user (``geography.levels_for``)."""

    laag = forms.ChoiceField(label=_("Show"))
    jaar = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=_years)
    niveau = forms.ChoiceField(label=_("Counted per"))

    def __init__(self, data, *, layers: dict, levels: dict):
        super().__init__(data)
        self.fields["laag"].choices = list(layers.items())
        self.fields["niveau"].choices = list(levels.items())


class BoxForm(forms.Form):
    """The part of the map the buildings are asked for: west, south, east, north (WGS84);
    none given: the whole municipality."""

    bbox = forms.CharField(max_length=120, required=False)

    def clean_bbox(self):
        if not self.cleaned_data["bbox"]:
            return -180.0, -90.0, 180.0, 90.0
        try:
            west, south, east, north = (float(v) for v in self.cleaned_data["bbox"].split(","))
        except ValueError:
            raise ValidationError(_("Give four numbers: west, south, east, north.")) from None
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise ValidationError(
                _("The box must have its west before its east and its south below its north.")
            )
        return west, south, east, north
