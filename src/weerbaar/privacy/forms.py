from django import forms
from django.utils.translation import gettext_lazy as _


class HoldForm(forms.Form):
    reference = forms.CharField(
        label=_("Case or signal number"),
        max_length=30,
        help_text=_("For example C-2026-0007 or S-2026-0131."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: objection lodged, appeal at the court, request of the DPA."),
    )


class LiftForm(forms.Form):
    reason = forms.CharField(label=_("Reason for lifting"), max_length=500)
