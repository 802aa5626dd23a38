from datetime import datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.cases.selectors import case_types
from weerbaar.core.forms import DATE, ModelMultipleChoiceField
from weerbaar.meetings.constants import Decision, MeetingKind
from weerbaar.signals.constants import InfoGrade, SourceGrade


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class PeopleChoice(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


def active_users():
    return get_user_model().objects.filter(is_active=True).order_by("last_name", "username")


class SeriesForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    interval_weeks = forms.IntegerField(label=_("Every so many weeks"), min_value=1, max_value=26)
    participants = PeopleChoice(
        label=_("Standing group"),
        queryset=None,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several people."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = active_users()


class PlanForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DATE)
    start = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    location = forms.CharField(label=_("Location"), max_length=120, required=False)
    guests = PeopleChoice(
        label=_("Guests for this meeting only"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guests"].queryset = active_users()

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("A meeting cannot be planned in the past."))
        return day

    def starts_at(self):
        data = self.cleaned_data
        return timezone.make_aware(datetime.combine(data["day"], data["start"]))


def next_meeting_initial(series) -> dict:
    last = series.meetings.order_by("-starts_at").first()
    if last:
        day = max(
            timezone.localdate(),
            timezone.localtime(last.starts_at).date() + timedelta(weeks=series.interval_weeks),
        )
        start = timezone.localtime(last.starts_at).time()
    else:
        day, start = timezone.localdate() + timedelta(days=7), time(10, 0)
    return {"day": day, "start": start, "location": last.location if last else ""}


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("", _("— choose —")), *Decision.choices]
    )
    decision_text = forms.CharField(
        label=_("Decision in words"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    hand_over_to = forms.CharField(
        label=_("Handed over to (partner)"), max_length=120, required=False
    )
    case_type = forms.ModelChoiceField(
        label=_("Case type (when opening a case)"),
        queryset=None,
        required=False,
        empty_label=_("— choose —"),
    )
    action = forms.CharField(label=_("First action point"), max_length=255, required=False)
    owner = PersonChoice(label=_("Owner"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = active_users()
        self.fields["case_type"].queryset = case_types()

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.OPEN_CASE and not data.get("case_type"):
            self.add_error("case_type", _("Choose the type of the case to open."))
        if data.get("action") and not (data.get("owner") and data.get("due_on")):
            self.add_error("owner", _("An action point needs an owner and a due date."))
        return data


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action point"), max_length=255)
    owner = PersonChoice(label=_("Owner"), queryset=None)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = active_users()


class CorrectionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Corrected decision"), choices=[("", _("— choose —")), *Decision.choices]
    )
    decision_text = forms.CharField(
        label=_("Decision in words"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    hand_over_to = forms.CharField(
        label=_("Handed over to (partner)"), max_length=120, required=False
    )
    case_type = forms.ModelChoiceField(
        label=_("Case type (when opening a case)"),
        queryset=None,
        required=False,
        empty_label=_("— choose —"),
    )
    reason = forms.CharField(
        label=_("Why the decision is corrected"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The earlier decision stays in the item's history with this reason."),
        error_messages={"required": _("Say why the decision is corrected.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_type"].queryset = case_types()


class ContributionForm(forms.Form):
    text = forms.CharField(label=_("Information"), widget=forms.Textarea(attrs={"rows": 3}))
    source_grade = forms.ChoiceField(
        label=_("Reliability of the source"), choices=[("", _("— choose —")), *SourceGrade.choices]
    )
    info_grade = forms.ChoiceField(
        label=_("Reliability of the information"),
        choices=[("", _("— choose —")), *InfoGrade.choices],
    )
