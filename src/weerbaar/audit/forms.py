from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.audit.constants import AuditAction


class AuditFilterForm(forms.Form):
    actor_username = forms.CharField(label=_("Gebruiker"), max_length=150, required=False)
    subject_ref = forms.UUIDField(
        label=_("Kenmerk van subject of object"),
        required=False,
        error_messages={"invalid": _("Vul een geldig kenmerk in (zoals op de subjectpagina).")},
    )
    action = forms.ChoiceField(
        label=_("Handeling"), choices=[("", _("Alle")), *AuditAction.choices], required=False
    )
    date_from = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_until = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("date_from")
            and data.get("date_until")
            and data["date_until"] < data["date_from"]
        ):
            self.add_error("date_until", _("De einddatum ligt vóór de begindatum."))
        return data
