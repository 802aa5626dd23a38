from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from weerbaar.core.forms import DATE
from weerbaar.privacy.models import Ground, Judgement, RequestKind, ReviewScope
from weerbaar.subjects.models import Subject


class HoldForm(forms.Form):
    reference = forms.CharField(
        label=_("Case or signal number"),
        max_length=30,
        help_text=_("For example C-2026-0007 or S-2026-0131."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: objection lodged, appeal at the court, request of the DPA."),
    )


class LiftForm(forms.Form):
    reason = forms.CharField(label=_("Reason for lifting"), max_length=500)


class RequestForm(forms.Form):
    subject = forms.UUIDField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Kind of request"), choices=RequestKind.choices)
    requester = forms.CharField(
        label=_("Requested by"),
        max_length=200,
        help_text=_("As the request was signed, and how the identity was checked."),
    )
    received_on = forms.DateField(label=_("Received on"), widget=DATE)

    def clean_subject(self):
        found = Subject.objects.filter(uuid=self.cleaned_data["subject"]).first()
        if found is None:
            raise ValidationError(_("Choose the person from the search results."))
        return found


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the request needs more time"),
        max_length=500,
        help_text=_("The person is told within the first month (AVG art. 12(3))."),
    )


class AnswerForm(forms.Form):
    answered_on = forms.DateField(label=_("Answered on"), widget=DATE)
    outcome = forms.CharField(
        label=_("Answer in short"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class WithholdForm(forms.Form):
    record_key = forms.CharField(max_length=140, widget=forms.HiddenInput)
    ground = forms.ChoiceField(label=_("Ground"), choices=Ground.choices)
    explanation = forms.CharField(label=_("Explanation"), max_length=500)


class ClearForm(forms.Form):
    record_key = forms.CharField(max_length=140, widget=forms.HiddenInput)


class AnnotationForm(forms.Form):
    record_key = forms.CharField(max_length=140, widget=forms.HiddenInput)
    fact = forms.CharField(label=_("Disputed fact"), max_length=300)
    statement = forms.CharField(
        label=_("The account of the person concerned"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RestrictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why processing is restricted"),
        max_length=500,
        help_text=_("For example: the person disputes the accuracy of the data (AVG art. 18)."),
    )


class LiftRestrictionForm(forms.Form):
    reason = forms.CharField(label=_("Why the restriction ends"), max_length=500)


class ReviewForm(forms.Form):
    scope = forms.ChoiceField(choices=ReviewScope.choices, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Findings"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was checked, what was changed and by whom."),
    )


class BreakForm(forms.Form):
    number = forms.CharField(
        label=_("Signal or case number"),
        max_length=30,
        help_text=_("For example S-2026-0131 or C-2026-0007."),
    )
    reason = forms.CharField(
        label=_("Why you must open it now"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: a closure tonight and nobody of the owning team can be reached. "
            "The privacy officer reads this."
        ),
    )
    understood = forms.BooleanField(
        label=_(
            "I understand that this opening is recorded with my name and reason and is "
            "reported to the privacy officer."
        ),
        error_messages={"required": _("Confirm that you understand this.")},
    )


class JudgeForm(forms.Form):
    judgement = forms.ChoiceField(
        label=_("Judgement"),
        choices=[(k, v) for k, v in Judgement.choices if k],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when not justified: what was wrong and what you did about it."),
    )
