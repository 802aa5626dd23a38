from django import forms
from django.utils.translation import gettext_lazy as _

ROWS = {"rows": 2}


class MergeForm(forms.Form):
    keep = forms.ChoiceField(label=_("Which one is kept?"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Why are they the same?"), max_length=255, widget=forms.Textarea(attrs=ROWS)
    )
    confirm = forms.BooleanField(
        label=_(
            "I have compared the two: everything recorded about the other one moves to the "
            "one kept. The merge can be undone."
        )
    )

    def __init__(self, *args, subjects, keep, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(str(s.uuid), s.label) for s in subjects]
        self.fields["keep"].initial = str(keep.uuid)


class DistinctForm(forms.Form):
    note = forms.CharField(
        label=_("Why not (optional)"), max_length=255, required=False,
        widget=forms.Textarea(attrs=ROWS),
    )  # fmt: skip


class UnmergeForm(forms.Form):
    undo_reason = forms.CharField(
        label=_("Why are they not the same?"), max_length=255, widget=forms.Textarea(attrs=ROWS)
    )
    confirm = forms.BooleanField(
        label=_(
            "Undo the merge: what it moved goes back to the other subject, and the pair is "
            "judged not the same."
        )
    )
