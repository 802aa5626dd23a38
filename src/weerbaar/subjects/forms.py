from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from weerbaar.core.bsn import normalize_bsn
from weerbaar.core.forms import DATE
from weerbaar.core.normalize import (
    normalize_kvk,
    normalize_plate,
    normalize_postcode,
    parse_house_number,
)
from weerbaar.subjects.constants import LegalForm, UsePurpose


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name, address, postcode, KvK number, BSN or licence plate"),
        max_length=200,
        min_length=2,
        error_messages={
            "min_length": _("Type at least 2 characters."),
            "required": _("Type a search term."),
        },
    )


class PersonForm(forms.Form):
    given_names = forms.CharField(label=_("Given names"), max_length=200, required=False)
    prefix = forms.CharField(label=_("Name prefix"), max_length=20, required=False)
    surname = forms.CharField(label=_("Surname"), max_length=200)
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=11,
        required=False,
        help_text=_("Stored only in encrypted form, to recognise duplicate persons."),
    )

    def clean_bsn(self):
        value = self.cleaned_data["bsn"]
        return normalize_bsn(value) if value else ""


class AddressForm(forms.Form):
    street = forms.CharField(label=_("Street"), max_length=120)
    house = forms.CharField(
        label=_("House number"), max_length=12, help_text=_("For example 12, 12a or 12-2.")
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=8, required=False)
    place = forms.CharField(label=_("Place"), max_length=80)
    surface_m2 = forms.IntegerField(
        label=_("Surface area (m²)"), required=False, min_value=1, max_value=1_000_000
    )
    use_purpose = forms.ChoiceField(
        label=_("Use purpose"), choices=[("", "—"), *UsePurpose.choices], required=False
    )

    def clean_house(self):
        return parse_house_number(self.cleaned_data["house"])

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        return normalize_postcode(value) if value else ""


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    kvk_number = forms.CharField(label=_("KvK number"), max_length=12, required=False)
    legal_form = forms.ChoiceField(
        label=_("Legal form"), choices=[("", "—"), *LegalForm.choices], required=False
    )
    sbi_codes = forms.CharField(
        label=_("SBI codes"),
        max_length=200,
        required=False,
        help_text=_("One or more codes, separated by commas, such as 9602, 4511."),
    )

    def clean_kvk_number(self):
        value = self.cleaned_data["kvk_number"]
        return normalize_kvk(value) if value else ""

    def clean_sbi_codes(self):
        codes = [c.strip() for c in self.cleaned_data["sbi_codes"].split(",") if c.strip()]
        if any(not c.isdigit() or not 2 <= len(c) <= 6 for c in codes):
            raise ValidationError(_("An SBI code consists of 2 to 6 digits."))
        return codes


class VehicleForm(forms.Form):
    plate = forms.CharField(label=_("Licence plate"), max_length=10)
    make = forms.CharField(label=_("Make"), max_length=60, required=False)
    model_name = forms.CharField(label=_("Model"), max_length=60, required=False)
    colour = forms.CharField(label=_("Colour"), max_length=30, required=False)

    def clean_plate(self):
        return normalize_plate(self.cleaned_data["plate"])
