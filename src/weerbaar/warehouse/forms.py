from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.core.forms import ModelMultipleChoiceField
from weerbaar.warehouse import sources
from weerbaar.warehouse.models import Alert
from weerbaar.warehouse.rules import all_rules


class AlertFilterForm(forms.Form):
    rule = forms.ChoiceField(label=_("Rule"), required=False)
    area = forms.CharField(
        label=_("Area"), required=False, max_length=40, help_text=_("Postcode area or place")
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Alert.Status.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = [("", _("All")), *[(r.code, r.name) for r in all_rules()]]


class DismissForm(forms.Form):
    reason = forms.CharField(
        label=_("Why does this need no follow-up?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BulkDismissForm(forms.Form):
    alerts = ModelMultipleChoiceField(
        queryset=None, error_messages={"required": _("Tick one or more alerts first.")}
    )
    reason = forms.CharField(
        label=_("Why do the ticked alerts need no follow-up?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the ticked alerts need no follow-up.")},
    )
    confirm = forms.BooleanField(
        label=_("Yes, dismiss all ticked alerts with this reason"),
        error_messages={"required": _("Confirm that all ticked alerts are dismissed.")},
    )

    def __init__(self, *args, alerts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alerts"].queryset = alerts


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it?"))
    upload = forms.FileField(
        label=_("File"),
        help_text=_("The extract as delivered; the formats are described in the manual."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = sources.uploadable().items()
        self.fields["kind"].choices = [(kind, source.label) for kind, source in choices]
