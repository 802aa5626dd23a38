from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.audit.constants import AuditAction


class AuditFilterForm(forms.Form):
    actor_username = forms.CharField(label=_("User"), max_length=150, required=False)
    subject_ref = forms.UUIDField(
        label=_("Identifier of subject or object"),
        required=False,
        error_messages={"invalid": _("Enter a valid identifier (as on the subject page).")},
    )
    action = forms.ChoiceField(
        label=_("Action"), choices=[("", _("All")), *AuditAction.choices], required=False
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_until = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("date_from")
            and data.get("date_until")
            and data["date_until"] < data["date_from"]
        ):
            self.add_error("date_until", _("The end date lies before the start date."))
        return data
