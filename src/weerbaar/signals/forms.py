from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from weerbaar.core.forms import DATE, ModelMultipleChoiceField
from weerbaar.signals.constants import (
    Channel,
    EnrichmentKind,
    InfoGrade,
    Purpose,
    SignalStatus,
    SourceGrade,
    SubjectRole,
    Urgency,
    Visibility,
    WeighingPhase,
)
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
    summary = forms.CharField(
        label=_("Summary"),
        max_length=255,
        required=False,
        # The summary is the one text of a signal the LIO partners read (SECURITY.md P21).
        help_text=_(
            "Partners of the LIO read this summary when the signal is shared on an agenda: "
            "write no names of reporters and nothing only the municipality may know."
        ),
    )
    location_text = forms.CharField(
        label=_("Location"),
        max_length=255,
        required=False,
        help_text=_("As precise as known; link the address itself under Subjects."),
    )
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
    confirm_close = forms.BooleanField(
        label=_("Yes, close this signal (only a reopening with a reason takes it up again)"),
        required=False,
    )
    answer = forms.CharField(
        label=_("Message to the reporter"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The reporter has had no answer yet: this message goes to them when you close "
            "the signal. Change the standard text where needed."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("reason", "confirm_close", "answer"):
            self.fields[name].required_when = _("required when closing")

    def clean(self):
        data = super().clean()
        if data.get("status") == SignalStatus.CLOSED and not data.get("confirm_close"):
            self.add_error("confirm_close", _("Confirm that you want to close the signal."))
        data.pop("confirm_close", None)
        return data


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
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_until = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=DATE,
    )
    area = forms.CharField(
        label=_("Area"),
        required=False,
        max_length=40,
        help_text=_("Postcode area (e.g. 6981) or place"),
    )
    waiting = forms.BooleanField(
        label=_("Reporter waiting for an answer"),
        required=False,
        help_text=_("Open signals whose reporter has heard nothing from us for 30 days or more."),
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Newest first")), ("urgency", _("Most urgent first"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each analyst by name, after the two common choices.
        self.fields["assigned"].choices = [
            *self.fields["assigned"].choices,
            *[(str(u.pk), u.get_full_name() or u.get_username()) for u in analysts()],
        ]

    def clean(self):
        data = super().clean()
        if (
            data.get("date_from")
            and data.get("date_until")
            and data["date_until"] < data["date_from"]
        ):
            self.add_error("date_until", _("The end date lies before the start date."))
        return data


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search signals and subjects"),
        max_length=200,
        min_length=2,
        help_text=_("Words from the report or summary, a name, an address or a number."),
    )


class SubjectSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find a person, organisation, address or vehicle"), max_length=200, min_length=2
    )


class SubjectLinkForm(forms.Form):
    subject = forms.UUIDField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=SubjectRole.choices)


class EnrichmentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=EnrichmentKind.choices,
        initial=EnrichmentKind.SOFT,
    )
    text = forms.CharField(label=_("Information"), widget=forms.Textarea(attrs={"rows": 3}))
    source = forms.CharField(
        label=_("Source"),
        max_length=120,
        help_text=_("Team, partner or registration, e.g. 'Politie wijkteam' or 'BRP'."),
    )
    source_date = forms.DateField(label=_("Date of the information"), widget=DATE)
    source_grade = forms.ChoiceField(
        label=_("Reliability of the source"),
        choices=[("", _("— choose —")), *SourceGrade.choices],
        required=False,
        help_text=_("Not for hard facts from a registration."),
    )
    info_grade = forms.ChoiceField(
        label=_("Reliability of the information"),
        choices=[("", _("— choose —")), *InfoGrade.choices],
        required=False,
        help_text=_("Not for hard facts from a registration."),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Visibility.choices,
        initial=Visibility.INTERNAL,
    )

    def __init__(self, *args, **kwargs):
        # Own ids: the signal page also holds the reporter dialogue's "text" field.
        kwargs.setdefault("auto_id", "enrich_%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("kind") == EnrichmentKind.SOFT:
            for name in ("source_grade", "info_grade"):
                if not data.get(name):
                    self.add_error(name, _("Grade the reliability (the 4x4 grading)."))
        return data


class WeighingForm(forms.Form):
    phase = forms.ChoiceField(choices=WeighingPhase.choices, widget=forms.HiddenInput)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    purpose_text = forms.CharField(
        label=_("Purpose in words"),
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What do you want to achieve with this step?"),
    )
    proportional = forms.BooleanField(
        label=_("The intrusion on privacy is in proportion to the purpose"), required=False
    )
    proportionality_text = forms.CharField(
        label=_("Proportionality in words"), min_length=10, widget=forms.Textarea(attrs={"rows": 2})
    )
    subsidiary = forms.BooleanField(
        label=_("No less intrusive means will achieve the purpose"), required=False
    )
    subsidiarity_text = forms.CharField(
        label=_("Subsidiarity in words"), min_length=10, widget=forms.Textarea(attrs={"rows": 2})
    )


class MergeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    target = forms.UUIDField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Why are these duplicates?"), max_length=500, min_length=5)


class RelateForm(forms.Form):
    other = forms.UUIDField(widget=forms.HiddenInput)


class SavedViewForm(forms.Form):
    name = forms.CharField(label=_("Name of this view"), max_length=60)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)


class CorrectionForm(forms.Form):
    """A correction that needs its reason in words (reopening, undoing a merge)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "correct_%s")
        super().__init__(*args, **kwargs)


class EnrichmentEditForm(EnrichmentForm):
    enrichment = forms.UUIDField(widget=forms.HiddenInput)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("What did you correct?"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "enrich_edit_%s")
        super().__init__(*args, **kwargs)
        del self.fields["kind"]  # a fact stays a fact: remove it and add the other kind

    def clean(self):
        data = forms.Form.clean(self)
        return data


class RemoveForm(forms.Form):
    """Removing something for good: the reason and a ticked confirmation, on its own page."""

    reason = forms.CharField(
        label=_("Reason for removal"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm = forms.BooleanField(
        label=_("Yes, remove it: the text cannot be brought back"),
        error_messages={"required": _("Confirm the removal.")},
    )


class SubjectRoleForm(forms.Form):
    subject = forms.UUIDField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=SubjectRole.choices)


class BulkForm(forms.Form):
    """Many signals of the list and one action for all of them (``signals.bulk``)."""

    signals = ModelMultipleChoiceField(
        queryset=None,
        error_messages={"required": _("Tick one or more signals first.")},
    )
    action = forms.ChoiceField(choices=[])

    def __init__(self, *args, user, signals, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = {a.code: a for a in actions}
        self.fields["signals"].queryset = signals
        self.fields["action"].choices = [(a.code, a.label) for a in actions]

    def clean(self):
        data = super().clean()
        action = self.actions.get(data.get("action"))
        if action is not None:
            data["action"] = action
        return data
