import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.cases.selectors import case_types, cases_visible_to
from weerbaar.core.forms import DATE, ModelMultipleChoiceField
from weerbaar.core.normalize import normalize_kvk, normalize_postcode
from weerbaar.core.references import typed_reference
from weerbaar.inspections.constants import CheckOutcome, FindingResult, Measure, Outcome
from weerbaar.inspections.models import InspectionKind, PartnerKind, http_only
from weerbaar.signals.constants import InfoGrade, SourceGrade
from weerbaar.signals.selectors import signals_visible_to
from weerbaar.subjects.selectors import subjects_visible_to

DEFAULT_KIND = "integrale-controle"
_ADDRESS = re.compile(r"^\s*(\d{4}\s?[A-Za-z]{2})\s+(\d{1,5})\s*$")


def find_address(user, text: str):
    """The address subject the user may see for a line "1234 AB 12", or a ValidationError."""
    match = _ADDRESS.match(text)
    if not match:
        raise forms.ValidationError(
            _("“%(line)s”: write a postcode and house number, e.g. 1234 AB 12.") % {"line": text}
        )
    found = (
        subjects_visible_to(user)
        .filter(
            kind="address",
            address__postcode=normalize_postcode(match[1]),
            address__house_number=int(match[2]),
        )
        .order_by("id")
        .first()
    )
    if found is None:
        raise forms.ValidationError(
            _("“%(line)s”: this address is not in the register.") % {"line": text}
        )
    return found


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class TeamChoice(forms.ModelChoiceField):
    def __init__(self, user, **kwargs):
        teams = Team.objects.filter(memberships__user=user).order_by("name")
        super().__init__(queryset=teams, required=False, label=_("Team"), **kwargs)
        self.help_text = _("Who may see it besides the supervisors; empty: your first team.")


class _ReferenceMixin:
    def _reference(self, name, prefix, rows, message):
        text = self.cleaned_data.get(name, "").strip()
        if not text:
            return None
        reference = typed_reference(text, prefix)
        found = rows.filter(reference=reference).first() if reference else None
        if found is None:
            raise forms.ValidationError(message)
        return found


class PlanForm(_ReferenceMixin, forms.Form):
    kind = forms.ModelChoiceField(queryset=None, label=_("Kind"), empty_label=None)
    planned_on = forms.DateField(label=_("Planned date"), widget=DATE)
    addresses = forms.CharField(
        label=_("Addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: postcode and house number, e.g. 1234 AB 12."),
    )
    businesses = forms.CharField(
        label=_("Businesses (KvK numbers)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One KvK number per line."),
    )
    partners = ModelMultipleChoiceField(
        queryset=PartnerKind.objects.filter(active=True),
        label=_("Partners taking part"),
        widget=forms.CheckboxSelectMultiple,
    )
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    signal = forms.CharField(label=_("From signal (reference)"), required=False, max_length=20)
    case = forms.CharField(label=_("From case (reference)"), required=False, max_length=20)
    alert_reference = forms.CharField(label=_("From alert"), required=False, max_length=80)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        kinds = InspectionKind.objects.filter(active=True, measure=Measure.INSPECTIONS)
        self.fields["kind"].queryset = kinds
        self.fields["kind"].initial = (
            kinds.filter(code=DEFAULT_KIND).values_list("pk", flat=True).first()
        )
        self.fields["owner_team"] = TeamChoice(user)

    def clean_addresses(self):
        found = [find_address(self.user, line) for line in _lines(self.cleaned_data["addresses"])]
        if not found:
            raise forms.ValidationError(_("Name at least one address."))
        return list(dict.fromkeys(found))

    def clean_businesses(self):
        found = []
        for line in _lines(self.cleaned_data.get("businesses", "")):
            business = (
                subjects_visible_to(self.user)
                .filter(kind="organisation", organisation__kvk_number=normalize_kvk(line))
                .first()
            )
            if business is None:
                raise forms.ValidationError(
                    _("“%(line)s”: no business with this KvK number in the register.")
                    % {"line": line}
                )
            found.append(business)
        return list(dict.fromkeys(found))

    def clean_signal(self):
        return self._reference(
            "signal", "S", signals_visible_to(self.user), _("No signal with this reference.")
        )

    def clean_case(self):
        return self._reference(
            "case", "C", cases_visible_to(self.user), _("No case with this reference.")
        )

    def clean_partners(self):
        return list(self.cleaned_data["partners"])


class SafetyForm(forms.Form):
    asked_on = forms.DateField(label=_("Risk assessment asked on"), widget=DATE)
    answered_on = forms.DateField(label=_("Answered on"), widget=DATE, required=False)
    outcome = forms.CharField(
        label=_("What the police said"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ResearchForm(forms.Form):
    business = forms.ModelChoiceField(queryset=None, label=_("Business"), empty_label=None)
    source_url = forms.CharField(
        label=_("Source (web address)"), max_length=500, validators=[http_only]
    )
    consulted_on = forms.DateField(label=_("Consulted on"), widget=DATE)
    found = forms.CharField(label=_("What was found"), widget=forms.Textarea(attrs={"rows": 3}))
    source_grade = forms.ChoiceField(label=_("Reliability of the source"), choices=SourceGrade)
    info_grade = forms.ChoiceField(label=_("Reliability of the information"), choices=InfoGrade)

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["business"].queryset = inspection.businesses.all()
        self.fields["consulted_on"].initial = timezone.localdate()


class FindingsForm(forms.Form):
    """One partner's checklist: a finding and a note per item, and the partner's notes."""

    def __init__(self, *args, partner, items, prefix=None, initial_findings=None, **kwargs):
        super().__init__(*args, prefix=prefix or f"p{partner.pk}", **kwargs)
        self.partner, self.items = partner, list(items)
        initial_findings = initial_findings or {}
        for item in self.items:
            result, note = initial_findings.get(item.pk, (FindingResult.NOT_CHECKED, ""))
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=item.text,
                choices=FindingResult.choices,
                initial=result,
                widget=forms.RadioSelect,
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label=_("Note on “%(item)s”") % {"item": item.text},
                required=False,
                max_length=500,
                initial=note,
            )
        self.fields["notes"] = forms.CharField(
            label=_("Notes of %(partner)s") % {"partner": partner.name},
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def rows(self):
        return [(self[f"item_{i.pk}"], self[f"note_{i.pk}"]) for i in self.items]

    def results(self) -> dict:
        data = self.cleaned_data
        return {i: (data[f"item_{i.pk}"], data[f"note_{i.pk}"]) for i in self.items}


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Photo"),
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png"}),
        help_text=_("JPEG or PNG, at most 10 MB; place and camera data are removed."),
    )
    partner = forms.ModelChoiceField(queryset=None, label=_("Partner"), required=False)

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = PartnerKind.objects.filter(
            pk__in=inspection.participations.values("partner_kind")
        )

    def clean_photo(self):
        from weerbaar.core.uploads import clean_upload

        return clean_upload(self.cleaned_data["photo"])


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up = ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label=_("Follow-up by"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow_up"].queryset = PartnerKind.objects.filter(
            pk__in=inspection.participations.values("partner_kind")
        )

    def clean_follow_up(self):
        return list(self.cleaned_data["follow_up"])


class ToCaseForm(forms.Form):
    case_type = forms.ModelChoiceField(queryset=None, label=_("Case type"), empty_label=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_type"].queryset = case_types()


class CheckPlanForm(_ReferenceMixin, forms.Form):
    address = forms.CharField(
        label=_("Address"),
        required=False,
        help_text=_("Postcode and house number, e.g. 1234 AB 12; or name a signal below."),
    )
    signal = forms.CharField(label=_("From signal (reference)"), required=False, max_length=20)
    alert_reference = forms.CharField(label=_("From alert"), required=False, max_length=80)
    planned_on = forms.DateField(label=_("Planned date"), widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["planned_on"].initial = timezone.localdate()
        self.fields["owner_team"] = TeamChoice(user)

    def clean_address(self):
        text = self.cleaned_data.get("address", "").strip()
        return find_address(self.user, text) if text else None

    def clean_signal(self):
        return self._reference(
            "signal", "S", signals_visible_to(self.user), _("No signal with this reference.")
        )

    def clean(self):
        data = super().clean()
        signal = data.get("signal")
        if not data.get("address") and signal is not None:
            data["address"] = signal.address
        if not data.get("address") and "address" not in self.errors and "signal" not in self.errors:
            self.add_error("address", _("Name the address, or a signal with an address."))
        return data


class CheckRecordForm(forms.Form):
    checked_on = forms.DateField(label=_("Checked on"), widget=DATE)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CheckOutcome, widget=forms.RadioSelect)
    persons = ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label=_("Persons concerned"),
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_on = forms.DateField(
        label=_("Next check on"),
        widget=DATE,
        required=False,
        help_text=_("When nobody was found; empty: a week later."),
    )

    def __init__(self, *args, user, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked_on"].initial = timezone.localdate()
        self.fields["persons"].queryset = (
            subjects_visible_to(user)
            .filter(kind="person", relations_out__to_subject=check.address)
            .distinct()
            .order_by("label")
        )

    def clean_persons(self):
        return list(self.cleaned_data["persons"])


class TypedCandidateForm(forms.Form):
    address = forms.CharField(
        label=_("Address"), help_text=_("Postcode and house number, e.g. 1234 AB 12.")
    )
    note = forms.CharField(label=_("Why a control"), max_length=300)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["owner_team"] = TeamChoice(user)

    def clean_address(self):
        return find_address(self.user, self.cleaned_data["address"].strip())
