from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from weerbaar.interventions.constants import Finding, PenaltyUnit, PremiseType, Result
from weerbaar.interventions.models import Instrument

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class StartForm(forms.Form):
    instrument = forms.ModelChoiceField(
        label=_("Measure"), queryset=Instrument.objects.filter(active=True)
    )
    owner = PersonChoice(
        label=_("Handled by"), queryset=None, required=False, empty_label=_("— me —")
    )
    premise_type = forms.ChoiceField(
        label=_("Premises"),
        required=False,
        choices=[("", _("— not applicable —")), *PremiseType.choices],
    )
    finding = forms.ChoiceField(
        label=_("Finding"),
        required=False,
        choices=[("", _("— not applicable —")), *Finding.choices],
    )
    offence = forms.IntegerField(
        label=_("Offence number"),
        min_value=1,
        max_value=9,
        required=False,
        help_text=_("Proposed from the earlier Damocles measures at the same subjects."),
    )
    duration_months = forms.IntegerField(
        label=_("Duration in months"), min_value=1, max_value=120, required=False
    )
    indefinite = forms.BooleanField(label=_("Indefinite"), required=False)
    deviation_reason = forms.CharField(
        label=_("Why the measure deviates from the policy"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    penalty_amount = forms.DecimalField(
        label=_("Penalty amount (€)"), min_value=0, max_digits=10, decimal_places=2, required=False
    )
    penalty_unit = forms.ChoiceField(
        label=_("Penalty per"), required=False, choices=[("", "—"), *PenaltyUnit.choices]
    )
    penalty_maximum = forms.DecimalField(
        label=_("Maximum penalty (€)"), min_value=0, max_digits=10, decimal_places=2, required=False
    )

    # Fields the service may still ask for: the label says when, not "optional".
    REQUIRED_WHEN = {
        "duration_months": _("required for a closure, unless indefinite"),
        "deviation_reason": _("required when the measure differs from the policy"),
        "penalty_amount": _("required for a penalty order"),
        "penalty_unit": _("required for a penalty order"),
        "penalty_maximum": _("required for a penalty order"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, when in self.REQUIRED_WHEN.items():
            self.fields[name].required_when = when
        self.fields["owner"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__permissions__codename="change_intervention")
            .distinct()
            .order_by("last_name", "username")
        )


class StepsForm(forms.Form):
    """The dated steps of the Awb procedure; every field optional, order checked by the service."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    intention_sent_on = forms.DateField(label=_("Intention sent on"), required=False, widget=DATE)
    opinion_skipped_reason = forms.CharField(
        label=_("No opinion asked because of urgency: why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    opinion_received_on = forms.DateField(
        label=_("Opinion received on"), required=False, widget=DATE
    )
    decision_on = forms.DateField(label=_("Decision taken on"), required=False, widget=DATE)
    made_known_on = forms.DateField(label=_("Decision made known on"), required=False, widget=DATE)
    risk_assessment_requested_on = forms.DateField(
        label=_("Police risk assessment requested on"), required=False, widget=DATE
    )
    risk_assessment_note = forms.CharField(
        label=_("Outcome of the risk assessment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    execution_from = forms.DateField(label=_("Executed from"), required=False, widget=DATE)
    execution_until = forms.DateField(
        label=_("Executed until"),
        required=False,
        widget=DATE,
        help_text=_("For a closure: filled in from the duration when left empty."),
    )
    seal_placed_on = forms.DateField(label=_("Seal placed on"), required=False, widget=DATE)
    reopened_on = forms.DateField(label=_("Reopened on"), required=False, widget=DATE)
    objection_received_on = forms.DateField(
        label=_("Objection received on"), required=False, widget=DATE
    )
    advisory_committee = forms.BooleanField(
        label=_("The objection goes to the advisory committee"), required=False
    )
    objection_extended = forms.BooleanField(
        label=_("The decision on the objection was extended"), required=False
    )
    objection_decided_on = forms.DateField(
        label=_("Objection decided on"), required=False, widget=DATE
    )
    appeal_lodged_on = forms.DateField(label=_("Appeal lodged on"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "step_%s")
        super().__init__(*args, **kwargs)


class ForfeitureForm(forms.Form):
    forfeited_on = forms.DateField(label=_("Forfeited on"), widget=DATE)
    amount = forms.DecimalField(label=_("Amount (€)"), min_value=0, max_digits=10, decimal_places=2)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "forfeit_%s")
        super().__init__(*args, **kwargs)


class FinishForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    result = forms.ChoiceField(label=_("Result"), choices=[("", _("— choose —")), *Result.choices])

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "finish_%s")
        super().__init__(*args, **kwargs)


class OverviewForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Whose"),
        required=False,
        choices=[("mine", _("Mine")), ("team", _("My teams'"))],
    )
    window = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[
            ("week", _("Due within a week")),
            ("overdue", _("Overdue")),
            ("all", _("All open deadlines")),
        ],
    )
