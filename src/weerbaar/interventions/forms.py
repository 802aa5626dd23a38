from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from weerbaar.core.forms import DATE
from weerbaar.interventions.constants import (
    Finding,
    ObjectionOutcome,
    PenaltyUnit,
    PremiseType,
    Result,
)
from weerbaar.interventions.letters.kinds import paragraph_help
from weerbaar.interventions.models import Instrument


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
    police_report_on = forms.DateField(
        label=_("Police or administrative report dated"), required=False, widget=DATE
    )
    police_report_reference = forms.CharField(
        label=_("Reference of that report"), required=False, max_length=60
    )
    intention_sent_on = forms.DateField(label=_("Intention sent on"), required=False, widget=DATE)
    opinion_skipped_reason = forms.CharField(
        label=_("No opinion asked because of urgency: why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    opinion_received_on = forms.DateField(
        label=_("Opinion received on"), required=False, widget=DATE
    )
    opinion_summary = forms.CharField(
        label=_("The opinion in short"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    opinion_answer = forms.CharField(
        label=_("Our answer to the opinion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    decision_on = forms.DateField(label=_("Decision taken on"), required=False, widget=DATE)
    proportionality = forms.CharField(
        label=_("Proportionality: the interests weighed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    starts_on = forms.DateField(label=_("The measure takes effect on"), required=False, widget=DATE)
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
    objection_outcome = forms.ChoiceField(
        label=_("Outcome of the objection"),
        required=False,
        choices=[("", "—"), *ObjectionOutcome.choices],
    )
    objection_reasoning = forms.CharField(
        label=_("Reasons of the decision on objection"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    appeal_lodged_on = forms.DateField(label=_("Appeal lodged on"), required=False, widget=DATE)

    # What a letter needs: the label says which letter, not "optional".
    REQUIRED_WHEN = {
        "police_report_on": _("required for the letters"),
        "police_report_reference": _("required for the letters"),
        "opinion_summary": _("required for the decision once an opinion came"),
        "opinion_answer": _("required for the decision once an opinion came"),
        "proportionality": _("required for the decision letter"),
        "starts_on": _("required for the decision on a measure with a duration"),
        "objection_outcome": _("required for the decision on objection"),
        "objection_reasoning": _("required for the decision on objection"),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "step_%s")
        super().__init__(*args, **kwargs)
        for name, when in self.REQUIRED_WHEN.items():
            self.fields[name].required_when = when


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


class LetterMakeForm(forms.Form):
    fmt = forms.ChoiceField(
        label=_("Format"),
        choices=[("pdf", _("PDF (to send)")), ("docx", _("Word (to edit before sending)"))],
        initial="pdf",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "letter_%s")
        super().__init__(*args, **kwargs)


class LetterTextsForm(forms.Form):
    """One text box per paragraph of a letter, holding its current text."""

    def __init__(self, *args, kind, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for para in kind.paragraphs:
            self.fields[para.key] = forms.CharField(
                label=para.label,
                initial=current.get(para.key) or str(para.default),
                help_text=paragraph_help(para),
                widget=forms.Textarea(attrs={"rows": 3}),
                strip=True,
                error_messages={
                    "required": _("Write the paragraph, or restore the standard text.")
                },
            )


class PreviewForm(forms.Form):
    intervention = forms.ChoiceField(label=_("Preview for"), required=False)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intervention"].choices = [("", _("a sample measure")), *choices]


class RestoreForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, replace the own texts of this letter by the standard texts"),
        error_messages={"required": _("Tick the box to confirm.")},
    )
