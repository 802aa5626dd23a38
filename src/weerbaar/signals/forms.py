from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from weerbaar.signals.constants import Channel, SignalStatus, Urgency
from weerbaar.signals.models import Phenomenon


def analysts():
    """Who can be assigned a signal: active users whose role may change signals."""
    perm = Q(groups__permissions__codename="change_signal") | Q(
        user_permissions__codename="change_signal"
    )
    return get_user_model().objects.filter(perm, is_active=True).distinct().order_by("username")


class AnalystChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class TriageForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    phenomenon = forms.ModelChoiceField(
        label=_("Phenomenon"),
        queryset=Phenomenon.objects.all(),
        required=False,
        empty_label=_("— not yet known —"),
    )
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices)
    summary = forms.CharField(label=_("Summary"), max_length=255, required=False)
    assigned_to = AnalystChoice(
        label=_("Assigned to"), queryset=None, required=False, empty_label=_("— nobody —")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = analysts()


class StatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=SignalStatus.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        required=False,
        help_text=_("Needed when closing: why does this signal end here?"),
    )


class SignalFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *SignalStatus.choices]
    )
    phenomenon = forms.ModelChoiceField(
        label=_("Phenomenon"),
        queryset=Phenomenon.objects.all(),
        required=False,
        empty_label=_("All"),
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All")), *Channel.choices]
    )
    assigned = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        choices=[("", _("All")), ("me", _("To me")), ("nobody", _("To nobody"))],
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_until = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Newest first")), ("urgency", _("Most urgent first"))],
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
