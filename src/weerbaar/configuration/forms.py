"""Forms of the settings pages: plain fields for what the database keeps as JSON, so a
functioneel beheerder never types brackets or quotes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.constants import Role
from weerbaar.cases.models import CaseType
from weerbaar.core import retention
from weerbaar.interventions.models import Instrument, PolicyRule
from weerbaar.police.models import Purpose
from weerbaar.police.selectors import reading_roles
from weerbaar.privacy.models import ProcessingActivity
from weerbaar.signals.models import Phenomenon, RetentionRule


class LinesField(forms.CharField):
    """A list of names, one per line."""

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class CaseTypeForm(forms.ModelForm):
    statuses = LinesField(label=_("Statuses"), help_text=_("In order, one per line."))
    results = LinesField(label=_("Possible results"), help_text=_("One per line."))
    visible_to_roles = forms.MultipleChoiceField(
        label=_("Roles that see every case of this type"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The case's own team always sees it."),
    )

    class Meta:
        model = CaseType
        fields = [
            "code",
            "name",
            "reporting_category",
            "default_team",
            "statuses",
            "results",
            "retention_years",
            "visible_to_roles",
            "riec",
            "active",
        ]

    def clean_statuses(self):
        statuses = self.cleaned_data["statuses"]
        if len(statuses) < 2:
            raise forms.ValidationError(_("A case type needs at least two statuses."))
        if len(set(statuses)) != len(statuses):
            raise forms.ValidationError(_("Every status may appear only once."))
        return statuses

    def clean_results(self):
        results = self.cleaned_data["results"]
        if not results:
            raise forms.ValidationError(_("Give at least one possible result."))
        return results


class PhenomenonForm(forms.ModelForm):
    class Meta:
        model = Phenomenon
        fields = ["code", "name", "public_description", "public", "order"]


class RetentionRuleForm(forms.ModelForm):
    class Meta:
        model = RetentionRule
        fields = ["name", "days", "reason"]

    def clean_days(self):
        # Contact details may go the day their signal closes; everything else stays a day.
        days = self.cleaned_data["days"]
        if days < 1 and self.instance.code != "reporter_contact":
            raise forms.ValidationError(_("A retention period is at least one day."))
        return days


class InstrumentForm(forms.ModelForm):
    class Meta:
        model = Instrument
        fields = [
            "name",
            "legal_basis",
            "description",
            "opinion_weeks",
            "compliance_days",
            "objection_weeks",
            "objection_decision_weeks",
            "committee_decision_weeks",
            "extension_weeks",
            "appeal_weeks",
            "active",
        ]


class PolicyRuleForm(forms.ModelForm):
    class Meta:
        model = PolicyRule
        fields = [
            "policy",
            "premise_type",
            "finding",
            "offence",
            "measure",
            "duration_months",
            "indefinite",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Instrument.objects.filter(active=True)

    def clean(self):
        data = super().clean()
        if data.get("indefinite") and data.get("duration_months"):
            self.add_error(
                "duration_months", _("A measure for an indefinite period has no duration.")
            )
        if data.get("offence") is not None and not 1 <= data["offence"] <= 3:
            self.add_error("offence", _("The offence number is 1, 2 or 3."))
        return data


class ThresholdsForm(forms.Form):
    """One field per parameter of a rule, typed like its default."""

    def __init__(self, *args, rule, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for name, default in rule.params.items():
            field_class = forms.IntegerField if isinstance(default, int) else forms.FloatField
            if isinstance(default, str):
                field_class = forms.CharField
            self.fields[name] = field_class(
                label=name.replace("_", " "),
                required=False,
                initial=current.get(name, default),
                help_text=_("Standard: %(value)s") % {"value": default},
            )


class FindForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)


class ProcessingActivityForm(forms.ModelForm):
    retention = forms.MultipleChoiceField(
        label=_("Retention terms that apply"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ProcessingActivity
        fields = [
            "code",
            "name",
            "purpose",
            "legal_basis",
            "data_subjects",
            "data_categories",
            "criminal_data",
            "recipients",
            "sources",
            "retention",
            "measures",
            "order",
            "active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The kinds the retention job knows, by their titles (core.retention).
        self.fields["retention"].choices = [(k.code, k.title) for k in retention.kinds()]


class PurposeForm(forms.ModelForm):
    """A purpose of police information and the roles that read what is given for it; only
    roles that hold the compartment's permission can be named."""

    roles = forms.MultipleChoiceField(
        label=_("Roles that read it"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only on the cases they work on; partners never read police information."),
    )

    class Meta:
        model = Purpose
        fields = ["code", "name", "description", "roles", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = reading_roles()
        self.fields["roles"].choices = [(r, label) for r, label in Role.choices if r in allowed]
