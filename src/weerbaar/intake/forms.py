import re
import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.intake import receipts, start_tokens
from weerbaar.intake.models import StandardText
from weerbaar.signals.selectors import phenomena_for_public

TEXT_LIMIT = 5000
# What an idempotency key may look like: a UUID, or the form's own random key.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,128}")
HONEYPOT_MESSAGE = _("Your report could not be sent. Please try again.")
EXPIRED_MESSAGE = _("This form has expired. Check your text and send it again.")
TOO_FAST_MESSAGE = _("That was very fast. Check your text and send it again.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".jpg,.jpeg,.png,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class PhenomenonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.public_description or obj.name


class AttachmentsMixin:
    def clean_attachments(self):
        from weerbaar.core.uploads import MAX_FILES, clean_upload

        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("You can send at most %(max)d files; you chose %(count)d.")
                % {"max": MAX_FILES, "count": len(files)}
            )
        cleaned, problems = [], []
        for upload in files:
            try:
                cleaned.append(clean_upload(upload))
            except forms.ValidationError as exc:
                problems.extend(exc.messages)
        if problems:
            raise forms.ValidationError(
                [*problems, _("Choose your files again: for your safety we did not keep them.")]
            )
        return cleaned


class PublicReportForm(AttachmentsMixin, forms.Form):
    phenomenon = PhenomenonChoice(
        queryset=None,
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("What is going on?"),
        help_text=_("Choose what fits best. Not sure? Then choose nothing."),
    )
    description = forms.CharField(
        label=_("Describe what you saw or know"),
        help_text=_("Write in your own words. Do not write anything that shows who you are."),
        min_length=20,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Describe what you saw or know."),
            "min_length": _("Write a little more, at least %(limit_value)d characters."),
            "max_length": _("Your text is too long: at most %(limit_value)d characters."),
        },
    )
    location_text = forms.CharField(
        label=_("Where is it?"),
        max_length=255,
        required=False,
        help_text=_("An address, or a description of the place."),
        # Suggestions come from a small script; without it this is a plain text field.
        widget=forms.TextInput(
            attrs={
                "list": "address-suggestions",
                "autocomplete": "off",
                "data-suggest": "/melden/adressen/",
            }
        ),
    )
    occurred = forms.CharField(
        label=_("When did you see it?"),
        max_length=100,
        required=False,
        help_text=_("For example: every evening, last week, since March."),
    )
    involved = forms.CharField(
        label=_("Who or which vehicle is involved?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Names, a description or licence plates, if you know them."),
    )
    attachments = MultipleFileField(
        label=_("Photos or documents"),
        required=False,
        help_text=_(
            "At most 5 files of at most 10 MB each: photos (JPEG, PNG) or PDF. "
            "We remove information hidden in the files, such as the place where a "
            "photo was taken."
        ),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=120, required=False)
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("Only if you want answers by e-mail. Then you are no longer anonymous to us."),
        error_messages={"invalid": _("Fill in an e-mail address like name@example.nl.")},
    )
    # A trap for robots: hidden from people, and never stored.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)
    # Set when the form is rendered: sending the same form again gives the same receipt.
    key = forms.RegexField(KEY_PATTERN, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phenomenon"].queryset = phenomena_for_public()
        if not self.is_bound:
            self.initial["started"] = start_tokens.issue()
            self.initial["key"] = secrets.token_urlsafe(24)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE)
        try:
            data["start_nonce"] = start_tokens.check(data.get("started", ""))
        except start_tokens.Expired:
            raise forms.ValidationError(EXPIRED_MESSAGE) from None
        except start_tokens.TooFast:
            raise forms.ValidationError(TOO_FAST_MESSAGE) from None
        return data

    def report_fields(self) -> dict:
        """What the service takes: the report, its files, the token and the key."""
        data = dict(self.cleaned_data)
        data.pop("website", None), data.pop("started", None)
        data["idempotency_key"] = data.pop("key", "") or ""
        return data


class StaffReportForm(AttachmentsMixin, forms.Form):
    """The intern meldpunt: what the public form asks, without the anonymity machinery."""

    phenomenon = PhenomenonChoice(
        queryset=None,
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("What is going on?"),
    )
    description = PublicReportForm.base_fields["description"]
    location_text = PublicReportForm.base_fields["location_text"]
    occurred = PublicReportForm.base_fields["occurred"]
    involved = PublicReportForm.base_fields["involved"]
    attachments = PublicReportForm.base_fields["attachments"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phenomenon"].queryset = phenomena_for_public()
        self.fields["description"].help_text = ""


class InternalReportForm(StaffReportForm):
    team = forms.ChoiceField(label=_("Your team"), required=False)
    shielded = forms.BooleanField(
        label=_("Shield my identity"),
        required=False,
        help_text=_(
            "Then nobody sees that you reported this, unless two colleagues of the "
            "director agree that it is necessary. Your name never appears in exports, "
            "minutes or what partners see."
        ),
    )

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "—"), *[(t, t) for t in teams]]


class PartnerReportForm(StaffReportForm):
    partner_reference = forms.CharField(
        label=_("Your reference"),
        max_length=100,
        help_text=_("Your organisation's number for this matter, so we can refer to it."),
        error_messages={"required": _("Fill in your organisation's reference.")},
    )


class FollowUpForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code"),
        max_length=24,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    secret = forms.CharField(
        label=_("Secret"),
        max_length=60,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}, render_value=True),
    )

    def clean_code(self):
        code = receipts.normalize_code(self.cleaned_data["code"])
        if len(code) != 16:
            raise forms.ValidationError(_("The receipt code has 16 digits."))
        return code


class ReplyTextForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer or extra information"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write your message."),
            "max_length": _("Your text is too long: at most %(limit_value)d characters."),
        },
    )


class ReplyForm(FollowUpForm):
    # A random key of this rendering of the form (never the secret): sent twice, it adds the
    # message once.
    key = forms.RegexField(KEY_PATTERN, required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your answer or extra information"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Write your message."),
            "max_length": _("Your text is too long: at most %(limit_value)d characters."),
        },
    )


class StandardTextChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class FeedbackForm(forms.Form):
    template = StandardTextChoice(
        label=_("Standard text"),
        required=False,
        queryset=StandardText.objects.filter(active=True),
        to_field_name="code",
        empty_label=_("— write your own text —"),
        help_text=_("What each standard text says is shown below the form."),
    )
    text = forms.CharField(
        label=_("Message to the reporter"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    is_question = forms.BooleanField(
        label=_("This is a question the reporter can answer"), required=False
    )

    def clean(self):
        data = super().clean()
        chosen = data.get("template")
        text = (data.get("text") or "").strip() or (chosen.text if chosen else "")
        if not text:
            raise forms.ValidationError(_("Choose a standard text or write a message."))
        data["text"] = text
        return data


class MMAImportForm(forms.Form):
    eml = forms.FileField(
        label=_("MMA e-mail (.eml file)"),
        required=False,
        help_text=_("Save the e-mail from your mail program as a file and choose it here."),
    )
    text = forms.CharField(
        label=_("Or paste the text of the e-mail"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean(self):
        data = super().clean()
        from weerbaar.intake import mma

        upload, text = data.get("eml"), (data.get("text") or "").strip()
        if not upload and not text:
            raise forms.ValidationError(_("Choose an .eml file or paste the text of the e-mail."))
        if upload and not upload.name.lower().endswith(".eml"):
            self.add_error("eml", _("Choose a file that ends in .eml."))
            return data
        data["mma"] = (
            mma.parse_eml(upload.read(mma.MAX_BYTES + 1)) if upload else mma.parse_text(text)
        )
        return data
