"""Corrections of a case: reopening it, correcting or removing a note, its title, its team
(its deadlines follow), a linked subject's role, unlinking a subject (re-exported by
``cases.services``).

Who may correct or remove a note, besides needing the right to change cases: its author; the
case lead (case team role *lead*); while the case has no lead, a member of its owning team.
A closed case is not corrected: reopen it first (with the reason).
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import Team, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.cases.constants import CHANGE_PERMISSION, SubjectRole
from weerbaar.cases.models import Case, CaseMember, CaseSubject, MemberRole, Note, StatusChange
from weerbaar.core.locking import STALE, lock_current

# What a higher app keeps that follows the case's team (interventions: the deadlines), each
# ``follow(case=, team=, owner=)`` returning what it moved (for the audit row) and raising a
# ValidationError when it cannot; registered from that app's ready().
_team_followers: list[Callable[..., dict]] = []


def team_follower_register(follow: Callable[..., dict]) -> None:
    if follow not in _team_followers:
        _team_followers.append(follow)


def _locked(case: Case, version: int | None, *, open_only: bool = True) -> Case:
    case = lock_current(
        Case.objects,
        pk=case.pk,
        version=version,
        message=_("Someone else changed this case in the meantime. Check the case and try again."),
    )
    if open_only and case.is_closed:
        raise ValidationError(_("This case is closed."))
    return case


def _reason(reason: str) -> str:
    if len(reason.strip()) < 5:
        raise ValidationError({"reason": _("Give the reason for this correction.")})
    return reason.strip()


def _bump(case: Case, *fields: str) -> None:
    case.version += 1
    case.full_clean()
    case.save(update_fields=[*fields, "version"])


@transaction.atomic
def case_reopen(*, actor: User, case: Case, reason: str, version: int | None = None) -> Case:
    """Take a closed case up again in the status it had; the result is cleared."""
    case = _locked(case, version, open_only=False)
    if not case.is_closed:
        raise ValidationError(_("Only a closed case can be reopened."))
    reason = _reason(reason)
    old = {"closed_on": case.closed_on, "result": case.result}
    case.closed_on, case.result = None, ""
    _bump(case, "closed_on", "result")
    StatusChange.objects.create(
        case=case, status=_("Reopened"), reason=reason[:500], changed_by=actor
    )
    audit_record(
        actor=actor,
        action=AuditAction.CASE_REOPENED,
        obj=case,
        purpose=reason,
        old=old,
        new={"closed_on": None, "result": "", "status": case.status},
    )
    return case


@transaction.atomic
def case_retitle(*, actor: User, case: Case, title: str, version: int | None = None) -> Case:
    case = _locked(case, version)
    old, case.title = case.title, title.strip()
    if case.title == old:
        return case
    _bump(case, "title")
    audit_record(
        actor=actor,
        action=AuditAction.CASE_TITLE_CHANGED,
        obj=case,
        old={"title": old},
        new={"title": case.title},
    )
    return case


@transaction.atomic
def case_team_set(
    *,
    actor: User,
    case: Case,
    team: Team,
    reason: str,
    deadline_owner: User | None = None,
    version: int | None = None,
) -> Case:
    """Give the case to another team; what follows the team (the deadlines of its
    interventions) moves along, to ``deadline_owner`` where its owner is not in that team."""
    case = _locked(case, version)
    if team.is_external:
        raise ValidationError({"team": _("A case belongs to a team of the municipality.")})
    if team.pk == case.owner_team_id:
        raise ValidationError({"team": _("The case already belongs to this team.")})
    if deadline_owner is not None and not team.memberships.filter(user=deadline_owner).exists():
        raise ValidationError({"deadline_owner": _("Choose someone of the new team.")})
    reason = _reason(reason)
    old = {"team": str(case.owner_team.uuid)}
    case.owner_team = team
    _bump(case, "owner_team")
    moved = {}
    for follow in _team_followers:
        moved.update(follow(case=case, team=team, owner=deadline_owner))
    audit_record(
        actor=actor,
        action=AuditAction.CASE_TEAM_CHANGED,
        obj=case,
        purpose=reason,
        old=old,
        new={"team": str(team.uuid), **moved},
    )
    return case


def _check_seen(row, seen: str | None) -> None:
    """Refuse a correction made from a page that showed an older version of ``row``."""
    if seen is not None and seen != row.stamp:
        raise ValidationError(
            _(
                "Someone else corrected this in the meantime. Check the current text and "
                "correct it again."
            ),
            code=STALE,
        )


def may_correct_note(*, user, note: Note) -> bool:
    """True when ``user`` may correct or remove ``note`` (the rule in this module's
    docstring)."""
    if not user.has_perm(CHANGE_PERMISSION):
        return False
    if note.author_id == user.pk:
        return True
    leads = CaseMember.objects.filter(case_id=note.case_id, role=MemberRole.LEAD)
    if leads.exists():
        return leads.filter(user=user).exists()
    return user.memberships.filter(team_id=note.case.owner_team_id).exists()


def _note(actor, note: Note) -> Note:
    note = Note.objects.select_for_update().select_related("case").get(pk=note.pk)
    if note.case.is_closed:
        raise ValidationError(_("This case is closed."))
    if note.removed_at:
        raise ValidationError(_("This note has been removed."))
    if not may_correct_note(user=actor, note=note):
        raise ValidationError(_("Only its author or the case lead may correct this note."))
    return note


@transaction.atomic
def note_edit(*, actor: User, note: Note, text: str, seen: str | None = None) -> Note:
    """Correct a note; its earlier text stays in the history (the audit trail). ``seen`` is
    the note's ``stamp`` on the page the correction was made on (None: not checked)."""
    note = _note(actor, note)
    _check_seen(note, seen)
    old, note.text = note.text, text.strip()
    if note.text == old:
        return note
    note.changed_at = timezone.now()
    note.full_clean()
    note.save(update_fields=["text", "changed_at"])
    audit_record(
        actor=actor,
        action=AuditAction.CASE_NOTE_CHANGED,
        obj=note.case,
        old={"note": str(note.uuid), "text": old},
        new={"note": str(note.uuid), "text": note.text},
    )
    return note


@transaction.atomic
def note_remove(*, actor: User, note: Note, reason: str) -> Note:
    """Remove a note's text, keeping a tombstone (who, when, why) in its place."""
    note = _note(actor, note)
    reason = _reason(reason)
    # The text goes for good: the trail records that it was there, not what it said (an
    # append-only copy would defeat the removal; docs/adr/0004).
    note.text, note.removal_reason = "", reason
    note.removed_at, note.removed_by = timezone.now(), actor
    note.save(update_fields=["text", "removal_reason", "removed_at", "removed_by"])
    audit_record(
        actor=actor,
        action=AuditAction.CASE_NOTE_REMOVED,
        obj=note.case,
        purpose=reason,
        new={"note": str(note.uuid), "removed": True},
    )
    return note


def _link(case: Case, subject) -> CaseSubject:
    if case.is_closed:
        raise ValidationError(_("This case is closed."))
    link = CaseSubject.objects.select_for_update().filter(case=case, subject=subject).first()
    if link is None:
        raise ValidationError(_("This subject is not linked to the case."))
    return link


@transaction.atomic
def case_subject_role_set(*, actor: User, case: Case, subject, role: str) -> CaseSubject:
    if role not in SubjectRole.values:
        raise ValidationError({"role": _("Choose one of the roles.")})
    link = _link(case, subject)
    old = link.role
    if old == role:
        return link
    link.role = role
    link.save(update_fields=["role"])
    audit_record(
        actor=actor,
        action=AuditAction.CASE_SUBJECT_ROLE,
        obj=case,
        subject_ref=subject.uuid,
        old={"subject": str(subject.uuid), "role": old},
        new={"subject": str(subject.uuid), "role": role},
    )
    return link


@transaction.atomic
def case_unlink_subject(*, actor: User, case: Case, subject, reason: str = "") -> None:
    link = _link(case, subject)
    role = link.role
    link.delete()
    audit_record(
        actor=actor,
        action=AuditAction.CASE_SUBJECT_UNLINKED,
        obj=case,
        subject_ref=subject.uuid,
        purpose=reason.strip(),
        old={"subject": str(subject.uuid), "role": role},
    )
