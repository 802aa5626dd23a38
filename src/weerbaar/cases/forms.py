from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.cases.constants import SubjectRole
from weerbaar.cases.models import CaseType, DocumentKind, MemberRole
from weerbaar.core.forms import DATE


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class CaseFilterForm(forms.Form):
    case_type = forms.ModelChoiceField(
        label=_("Case type"), queryset=CaseType.objects.all(), required=False, empty_label=_("All")
    )
    state = forms.ChoiceField(
        label=_("Open or closed"),
        required=False,
        choices=[("", _("All")), ("open", _("Open")), ("closed", _("Closed"))],
    )
    riec = forms.ChoiceField(
        label=_("RIEC"), required=False, choices=[("", _("All")), ("yes", _("RIEC cases only"))]
    )
    q = forms.CharField(
        label=_("Title, case number or RIEC reference"), required=False, max_length=100
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Newest first")), ("oldest", _("Oldest first")), ("title", _("Title"))],
    )


class CaseForm(forms.Form):
    case_type = forms.ModelChoiceField(
        label=_("Case type"), queryset=CaseType.objects.filter(active=True)
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    owner_team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.filter(is_external=False),
        required=False,
        empty_label=_("— the case type's default team —"),
    )
    riec_reference = forms.CharField(label=_("RIEC reference"), max_length=60, required=False)
    riec_partners = forms.CharField(label=_("Partners involved"), max_length=255, required=False)


class StatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("New status"), choices=())
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["status"].choices = [(s, s) for s in case.case_type.statuses]


class CloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    result = forms.ChoiceField(label=_("Result"), choices=())
    reason = forms.CharField(
        label=_("Explanation"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    confirm = forms.BooleanField(
        label=_("Yes, close this case (only a reopening with a reason takes it up again)"),
        error_messages={"required": _("Confirm that you want to close the case.")},
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["result"].choices = [("", _("— choose —"))] + [
                (r, r) for r in case.case_type.results
            ]

    def clean(self):
        data = super().clean()
        data.pop("confirm", None)  # the page's question, not the service's
        return data


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class TaskForm(forms.Form):
    description = forms.CharField(label=_("Task"), max_length=255)
    owner = PersonChoice(label=_("Owner"), queryset=None)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "task_%s")
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("last_name", "username")
        )


class RiecForm(forms.Form):
    riec = forms.BooleanField(label=_("This is a RIEC case"), required=False)
    riec_reference = forms.CharField(label=_("RIEC reference"), max_length=60, required=False)
    riec_partners = forms.CharField(label=_("Partners involved"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "riec_%s")
        super().__init__(*args, **kwargs)


class SubjectSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find a person, organisation, address or vehicle"), max_length=200, min_length=2
    )


class SubjectLinkForm(forms.Form):
    subject = forms.UUIDField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=SubjectRole.choices)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of document"), choices=DocumentKind.choices, required=False
    )
    document = forms.UUIDField(widget=forms.HiddenInput, required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG, at most 10 MB. Metadata is removed before storage."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "doc_%s")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        from weerbaar.core.uploads import clean_upload

        return clean_upload(self.cleaned_data["file"])

    def clean(self):
        data = super().clean()
        if not data.get("document") and not (data.get("title") and data.get("kind")):
            self.add_error("title", _("Give the new document a title and a kind."))
        return data


class ShareForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Partner"), queryset=Team.objects.filter(is_external=True)
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=200)
    legal_basis = forms.CharField(
        label=_("Legal basis"), max_length=200, help_text=_("E.g. the RIEC covenant.")
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

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "share_%s")
        super().__init__(*args, **kwargs)


class ShareStopForm(forms.Form):
    share = forms.UUIDField(widget=forms.HiddenInput)


class MemberForm(forms.Form):
    user = PersonChoice(label=_("Person"), queryset=None)
    role = forms.ChoiceField(label=_("Role in the case"), choices=MemberRole.choices)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "member_%s")
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__permissions__codename="view_case_file")
            .distinct()
            .order_by("last_name", "username")
        )


class ReopenForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "reopen_%s")
        super().__init__(*args, **kwargs)


class TitleForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=200)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "title_%s")
        super().__init__(*args, **kwargs)


class TeamForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    team = forms.ModelChoiceField(label=_("New team"), queryset=Team.objects.none())
    deadline_owner = PersonChoice(
        label=_("Who in the new team takes over the open deadlines"),
        queryset=None,
        required=False,
        help_text=_("Only needed when the owner of open deadlines is not in the new team."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "team_%s")
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(is_external=False).order_by("name")
        self.fields["deadline_owner"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, memberships__team__is_external=False)
            .distinct()
            .order_by("last_name", "username")
        )


class NoteEditForm(forms.Form):
    note = forms.UUIDField(widget=forms.HiddenInput)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class RemoveForm(forms.Form):
    """Removing something for good: the reason and a ticked confirmation, on its own page."""

    reason = forms.CharField(
        label=_("Reason for removal"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm = forms.BooleanField(
        label=_("Yes, remove it: the text cannot be brought back"),
        error_messages={"required": _("Confirm the removal.")},
    )
