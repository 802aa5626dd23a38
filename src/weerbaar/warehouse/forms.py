from django import forms
from django.utils.translation import gettext_lazy as _

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
