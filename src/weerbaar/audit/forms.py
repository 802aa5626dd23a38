from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from weerbaar.audit.constants import AuditAction
from weerbaar.core.forms import DATE


def grouped_actions() -> list[tuple[str, list[tuple[str, str]]]]:
    """The actions by the part of the product they happen in, for a select with groups."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for value, label in AuditAction.choices:
        app = value.split(".")[0]
        try:
            name = str(apps.get_app_config(app).verbose_name)
        except LookupError:
            name = app
        groups.setdefault(name, []).append((value, label))
    return sorted(groups.items())


class SubjectFindForm(forms.Form):
    q = forms.CharField(
        label=_("Name or address of a subject"),
        min_length=2,
        max_length=200,
        help_text=_("A person, organisation or address; the search itself is recorded."),
    )


class AuditFilterForm(forms.Form):
    actor_username = forms.CharField(label=_("User"), max_length=150, required=False)
    subject_ref = forms.UUIDField(
        label=_("Identifier of subject or object"),
        required=False,
        error_messages={"invalid": _("Enter a valid identifier (as on the subject page).")},
    )
    action = forms.ChoiceField(label=_("Action"), choices=[], required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_until = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=DATE,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All")), *grouped_actions()]

    def clean(self):
        data = super().clean()
        if (
            data.get("date_from")
            and data.get("date_until")
            and data["date_until"] < data["date_from"]
        ):
            self.add_error("date_until", _("The end date lies before the start date."))
        return data
