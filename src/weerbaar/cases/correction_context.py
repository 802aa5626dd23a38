"""What the case page needs to offer corrections (see ``correction_views``)."""

from weerbaar.cases import services
from weerbaar.cases.constants import CHANGE_PERMISSION, SubjectRole
from weerbaar.cases.forms import NoteEditForm, ReopenForm, TeamForm, TitleForm


def _note_form(note, failed):
    if failed is not None and str(failed.data.get("note")) == str(note.uuid):
        return failed
    return NoteEditForm(
        initial={"note": note.uuid, "text": note.text, "seen": note.stamp},
        auto_id=f"n{note.uuid.hex[:12]}_%s",
    )


def correction_context(user, case, notes, forms: dict) -> dict:
    """Each note with its correction form where ``user`` may correct it, and the forms to
    reopen the case, change its title or its team."""
    open_case = not case.is_closed and user.has_perm(CHANGE_PERMISSION)
    failed = forms.get("note_edit")
    rows = []
    for note in notes:
        may = open_case and not note.removed_at and services.may_correct_note(user=user, note=note)
        rows.append((note, _note_form(note, failed) if may else None))
    initial = {"version": case.version}
    return {
        "note_rows": rows,
        "may_reopen": case.is_closed and user.has_perm(CHANGE_PERMISSION),
        "reopen_form": forms.get("reopen") or ReopenForm(initial=initial),
        "title_form": forms.get("title") or TitleForm(initial={**initial, "title": case.title}),
        "team_form": forms.get("team") or TeamForm(initial=initial),
        "subject_roles": SubjectRole.choices,
    }
