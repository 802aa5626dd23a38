from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import User
from weerbaar.core.forms import DATE
from weerbaar.screening.constants import Decision, Degree, Intention, PartyRole, Status
from weerbaar.screening.models import ChecklistItem, PermitKind
from weerbaar.signals.constants import InfoGrade, SourceGrade


def _date(label, required=False, help_text=""):
    return forms.DateField(label=label, required=required, widget=DATE, help_text=help_text)


class ScreeningFilterForm(forms.Form):
    permit_kind = forms.ModelChoiceField(
        label=_("Permit kind"), queryset=PermitKind.objects.all(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + Status.choices, required=False
    )


class ApplicantSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find the applicant (person or organisation)"), max_length=200, min_length=2
    )


class ScreeningForm(forms.Form):
    applicant = forms.UUIDField(widget=forms.HiddenInput)
    permit_kind = forms.ModelChoiceField(
        label=_("Permit kind"), queryset=PermitKind.objects.filter(active=True)
    )
    application_received_on = _date(
        _("Application received on"),
        required=True,
        help_text=_("The decision term of the application runs from this day."),
    )
    alert_reference = forms.CharField(
        label=_("Warehouse alert (number)"),
        max_length=64,
        required=False,
        help_text=_("When a warehouse alert led to this screening."),
    )


class StepsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    questionnaire_sent_on = _date(_("Questionnaire sent on"))
    questionnaire_returned_on = _date(_("Questionnaire returned complete on"))
    lbb_requested_on = _date(_("Advice asked of the LBB on"))
    lbb_extended = forms.BooleanField(
        label=_("The LBB extended its term by four weeks (art. 15 Wet Bibob)"), required=False
    )
    applicant_informed_on = _date(_("Applicant informed of the request on"))
    lbb_advised_on = _date(_("Advice received on"))
    lbb_degree = forms.ChoiceField(
        label=_("Degree of danger"), choices=[("", "---------")] + Degree.choices, required=False
    )


class IntentionForm(forms.Form):
    """The intention sent to the applicant and the opinion they gave (Awb art. 4:8)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    intention = forms.ChoiceField(
        label=_("Intention"), choices=[("", "---------")] + Intention.choices, required=False
    )
    intention_sent_on = _date(_("Intention sent on"))
    conditions = forms.CharField(
        label=_("Intended conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for an intention to grant with conditions."),
    )
    opinion_received_on = _date(_("Opinion received on"))
    opinion_summary = forms.CharField(
        label=_("The opinion in short"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Leave empty while no opinion came."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "intention_%s")
        super().__init__(*args, **kwargs)


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    decided_on = _date(_("Decided on"), required=True)
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a permit granted with conditions."),
    )
    opinion_answer = forms.CharField(
        label=_("The answer to the opinion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the applicant gave an opinion: the decision letter says it."),
    )
    confirm = forms.BooleanField(
        label=_("I confirm the decision: it ends the screening and cannot be changed afterwards.")
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "decision_%s")
        super().__init__(*args, **kwargs)


class FindingForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("Checklist item"), queryset=ChecklistItem.objects.filter(active=True)
    )
    text = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 3}))
    source_grade = forms.ChoiceField(
        label=_("Reliability of the source"), choices=SourceGrade.choices
    )
    info_grade = forms.ChoiceField(
        label=_("Reliability of the information"), choices=InfoGrade.choices
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "finding_%s")
        super().__init__(*args, **kwargs)


class PartyForm(forms.Form):
    subject = forms.UUIDField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=PartyRole.choices)


class ShareForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Colleague"), queryset=User.objects.filter(is_active=True).order_by("username")
    )
    until = _date(_("Until and including"), required=True)
    purpose = forms.CharField(
        label=_("Purpose"), max_length=200, help_text=_("Why this colleague needs the file.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.username})" if u.get_full_name() else u.username
        )
