from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.core.forms import DATE
from weerbaar.police.constants import Basis, Form
from weerbaar.police.models import Purpose


class ProvisionFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Number"),
        required=False,
        max_length=30,
        help_text=_("The number of the information or of its case; the text is not searched."),
    )
    purpose = forms.ModelChoiceField(
        label=_("Purpose"), queryset=Purpose.objects.none(), required=False
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            ("", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("case", _("By case")),
        ],
    )

    def __init__(self, *args, purposes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].queryset = purposes


class ProvisionForm(forms.Form):
    """What the police gave, as received; ``subjects`` are the case's (a provision is about
    someone in its own case only)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    purpose = forms.ModelChoiceField(
        label=_("Purpose"),
        queryset=Purpose.objects.none(),
        help_text=_("What the police provided it for; only that purpose's roles read it."),
    )
    basis = forms.ChoiceField(label=_("Legal basis"), choices=Basis.choices)
    form = forms.ChoiceField(label=_("Form"), choices=Form.choices)
    provided_by = forms.CharField(
        label=_("Provided by"),
        max_length=160,
        help_text=_("The police unit or district, not the name of an officer."),
    )
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    police_reference = forms.CharField(label=_("Police reference"), max_length=60, required=False)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the information comes down to, for the case team."),
    )
    content = forms.CharField(
        label=_("The information"),
        max_length=50000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("The text as provided; it is stored encrypted."),
    )
    subject = forms.ModelChoiceField(
        label=_("About"), queryset=None, required=False, empty_label=_("(nobody in particular)")
    )

    def __init__(self, *args, purposes, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].queryset = purposes
        self.fields["subject"].queryset = subjects


class DestroyForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is destroyed"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: the purpose has been reached, or it was given for another case."),
    )
