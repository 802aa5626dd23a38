from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.screening import list_files


class ListCheckForm(forms.Form):
    """A list to screen, pasted or uploaded; ``clean`` reads it whole or refuses it."""

    title = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=200,
        help_text=gettext_lazy("For instance the bestuurlijke rapportage the list comes from."),
    )
    text = forms.CharField(
        label=gettext_lazy("Paste the list"),
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "One line per person or organisation: name; date of birth; KvK number. The date "
            "and the number may be left empty; columns copied from a spreadsheet work too."
        ),
    )
    upload = forms.FileField(
        label=gettext_lazy("Or upload a file"),
        required=False,
        help_text=gettext_lazy("CSV (UTF-8) or Excel (.xlsx) with the same three columns."),
    )

    def clean(self):
        data = super().clean()
        text, upload = data.get("text", "").strip(), data.get("upload")
        if self.errors:
            return data
        if bool(text) == bool(upload):
            self.add_error("text", _("Paste a list or upload a file (one of the two)."))
            return data
        field = "upload" if upload else "text"
        today = timezone.localdate()
        try:
            data["entries"] = (
                list_files.from_file(upload, today) if upload else list_files.from_text(text, today)
            )
        except ValidationError as refusal:
            self.add_error(field, refusal)
        return data


class ListRowFilterForm(forms.Form):
    found = forms.BooleanField(
        label=gettext_lazy("Only lines with something found"), required=False
    )


class YearForm(forms.Form):
    jaar = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
