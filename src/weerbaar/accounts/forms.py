from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.constants import TokenScope


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "We do not know this combination of user name and password. Mind upper and lower case."
        ),
        "inactive": _("This account is not active."),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": _("Enter the 6-digit code.")},
    )

    def clean_token(self):
        value = self.cleaned_data["token"].strip()
        if not value.isdigit():
            raise forms.ValidationError(_("The code consists of 6 digits."))
        return value


class ApiKeyForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("What the key may do"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
    )


class NotificationSettingsForm(forms.Form):
    email_notifications = forms.BooleanField(
        label=_("Also send my messages to my e-mail address"),
        required=False,
        help_text=_(
            "The e-mail says what happened and where (a signal or case number) with a link; "
            "never what a signal or case contains."
        ),
    )


class ReauthForm(forms.Form):
    secret = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    def __init__(self, *args, code: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if code:
            field = self.fields["secret"]
            field.label = _("The code of your authenticator app")
            field.widget = forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
            )
            field.error_messages["required"] = _("Enter the code.")
