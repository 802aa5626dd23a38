"""Forms of the users page: roles as checkboxes, the privileged ones marked as needing a
second person's approval."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.constants import FOUR_EYES_ROLES, Role
from weerbaar.accounts.models import Team, User
from weerbaar.core.forms import ModelMultipleChoiceField


def _role_label(value: str, label: str) -> str:
    if value in FOUR_EYES_ROLES:
        return _("%(role)s (needs the approval of a second person)") % {"role": label}
    return label


class AccountForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=120,
        required=False,
        help_text=_("For partners: the organisation someone works for."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(v, _role_label(v, label)) for v, label in Role.choices],
    )
    teams = ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class NewAccountForm(AccountForm):
    username = forms.RegexField(
        label=_("User name"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        error_messages={"invalid": _("Use letters, digits and . @ + - _ only.")},
    )
    password = forms.CharField(
        label=_("First password"),
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Hand it over in person; the user changes it after logging in. Leave it empty for "
            "an account that logs in only through the municipality's own login."
        ),
    )
    field_order = ["username", "first_name", "last_name", "email", "organisation", "password"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This user name is taken."))
        return username

    def clean_password(self):
        password = self.cleaned_data["password"]
        if password:
            validate_password(password)
        return password


class ActiveForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, I am sure"),
        error_messages={"required": _("Tick that you are sure.")},
    )


class UserFindForm(forms.Form):
    q = forms.CharField(label=_("Name, user name or organisation"), max_length=100, required=False)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All")), *Role.choices]
    )
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("1", _("Active")), ("0", _("Deactivated"))],
    )
