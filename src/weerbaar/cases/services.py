"""Public API of the cases app for writes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import Team, User
from weerbaar.accounts.services import notify
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.cases.constants import SubjectRole
from weerbaar.cases.corrections import (  # noqa: F401
    case_reopen,
    case_retitle,
    case_subject_role_set,
    case_team_set,
    case_unlink_subject,
    may_correct_note,
    note_edit,
    note_remove,
    team_follower_register,
)
from weerbaar.cases.models import (
    Case,
    CaseMember,
    CaseSubject,
    CaseType,
    Document,
    DocumentVersion,
    Note,
    StatusChange,
    Task,
)
from weerbaar.cases.sharing import case_share, case_share_stop  # noqa: F401
from weerbaar.core import files
from weerbaar.core.locking import lock_current
from weerbaar.core.references import next_reference
from weerbaar.core.restrictions import refuse_if_restricted
from weerbaar.signals.services import signal_case_decided


def _team_for(actor: User | None, case_type: CaseType, owner_team: Team | None) -> Team:
    team = owner_team or case_type.default_team
    if team is None and actor is not None:
        team = Team.objects.filter(memberships__user=actor).order_by("name").first()
    if team is None:
        raise ValidationError({"owner_team": _("Choose the team that handles this case.")})
    return team


@transaction.atomic
def case_open(
    *,
    actor: User,
    case_type: CaseType,
    title: str,
    owner_team: Team | None = None,
    signals=(),
    subjects=(),
    riec_reference: str = "",
    riec_partners: str = "",
    origin: str = "",
) -> Case:
    """Open a case; each signal it comes from must have passed the case-phase weighing."""
    refuse_if_restricted(*(subject for subject, _role in subjects))
    for signal in signals:
        signal_case_decided(actor=actor, signal=signal)
    case = Case(
        reference=next_reference("C"),
        case_type=case_type,
        title=title.strip(),
        status=case_type.statuses[0] if case_type.statuses else _("Open"),
        owner_team=_team_for(actor, case_type, owner_team),
        opened_on=timezone.localdate(),
        riec=case_type.riec or bool(riec_reference),
        riec_reference=riec_reference.strip(),
        riec_partners=riec_partners.strip(),
        origin=origin[:255],
    )
    case.full_clean()
    case.save()
    case.signals.set(signals)
    linked = set()
    for subject, role in subjects:
        if subject.pk not in linked:
            CaseSubject.objects.create(case=case, subject=subject, role=role)
            linked.add(subject.pk)
    StatusChange.objects.create(case=case, status=case.status, changed_by=actor)
    audit_record(
        actor=actor,
        action=AuditAction.CASE_OPENED,
        obj=case,
        new={
            "reference": case.reference,
            "case_type": case_type.code,
            "team": str(case.owner_team.uuid),
            "signals": [str(s.uuid) for s in signals],
            "origin": origin,
        },
    )
    return case


def case_open_from_signal(
    *,
    actor: User,
    signal,
    case_type: CaseType,
    title: str = "",
    owner_team: Team | None = None,
    origin: str = "",
    **riec,
) -> Case:
    """A case from a signal (e.g. an LIO decision): its subjects and address come along."""
    subjects = [(link.subject, SubjectRole.CONCERNED) for link in signal.subject_links.all()]
    if signal.address_id:
        subjects.insert(0, (signal.address, SubjectRole.LOCATION))
    return case_open(
        actor=actor,
        case_type=case_type,
        title=title or signal.summary or signal.description[:120],
        owner_team=owner_team,
        signals=[signal],
        subjects=subjects,
        origin=origin,
        **riec,
    )


def _locked(case: Case, version: int | None) -> Case:
    return lock_current(
        Case.objects,
        pk=case.pk,
        version=version,
        message=_("Someone else changed this case in the meantime. Check the case and try again."),
    )


@transaction.atomic
def case_set_status(
    *, actor: User, case: Case, status: str, reason: str = "", version=None
) -> Case:
    case = _locked(case, version)
    if case.is_closed:
        raise ValidationError(_("This case is closed."))
    if status not in case.case_type.statuses:
        raise ValidationError(
            _("“%(status)s” is not a status of this case type.") % {"status": status}
        )
    old = case.status
    case.status, case.version = status, case.version + 1
    case.save(update_fields=["status", "version"])
    StatusChange.objects.create(case=case, status=status, reason=reason.strip(), changed_by=actor)
    audit_record(
        actor=actor,
        action=AuditAction.CASE_STATUS_CHANGED,
        obj=case,
        purpose=reason.strip(),
        old={"status": old},
        new={"status": status},
    )
    return case


@transaction.atomic
def case_close(*, actor: User, case: Case, result: str, reason: str = "", version=None) -> Case:
    case = _locked(case, version)
    if case.is_closed:
        raise ValidationError(_("This case is closed."))
    if result not in case.case_type.results:
        raise ValidationError({"result": _("Choose one of the results of this case type.")})
    if case.tasks.filter(done_on__isnull=True).exists():
        raise ValidationError(_("Finish or remove the open tasks before closing the case."))
    case.result, case.closed_on, case.version = result, timezone.localdate(), case.version + 1
    case.save(update_fields=["result", "closed_on", "version"])
    StatusChange.objects.create(
        case=case, status=_("Closed"), reason=f"{result}. {reason}".strip(), changed_by=actor
    )
    audit_record(
        actor=actor,
        action=AuditAction.CASE_CLOSED,
        obj=case,
        purpose=reason,
        new={"result": result},
    )
    return case


@transaction.atomic
def note_add(*, actor: User, case: Case, text: str) -> Note:
    note = Note(case=case, text=text.strip(), author=actor)
    note.full_clean()
    note.save()
    audit_record(actor=actor, action=AuditAction.CASE_NOTE_ADDED, obj=case)
    return note


@transaction.atomic
def task_add(*, actor: User, case: Case, description: str, owner, due_on) -> Task:
    if case.is_closed:
        raise ValidationError(_("This case is closed."))
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": _("The due date lies in the past.")})
    task = Task(case=case, description=description.strip(), owner=owner, due_on=due_on)
    task.full_clean()
    task.save()
    notify(
        users=[owner],
        text=_("Task for you in case %(case)s, due %(day)s: %(text)s")
        % {"case": str(case), "day": due_on.strftime("%d-%m-%Y"), "text": task.description},
        url=reverse("cases:detail", args=[case.uuid]),
        kind="task_assigned",
        target=case.reference,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CASE_TASK_ADDED,
        obj=case,
        new={"task": str(task.uuid), "owner": owner.pk, "due_on": due_on},
    )
    return task


@transaction.atomic
def task_done(*, actor: User, task: Task) -> Task:
    if task.done_on is None:
        task.done_on = timezone.localdate()
        task.save(update_fields=["done_on"])
        audit_record(
            actor=actor,
            action=AuditAction.CASE_TASK_DONE,
            obj=task.case,
            new={"task": str(task.uuid)},
        )
    return task


@transaction.atomic
def case_link_subject(*, actor: User, case: Case, subject, role: str) -> CaseSubject:
    refuse_if_restricted(subject)
    link, created = CaseSubject.objects.get_or_create(
        case=case, subject=subject, defaults={"role": role}
    )
    if not created:
        raise ValidationError(_("This subject is already linked to the case."))
    audit_record(
        actor=actor,
        action=AuditAction.CASE_SUBJECT_LINKED,
        obj=case,
        subject_ref=subject.uuid,
        new={"subject": str(subject.uuid), "role": role},
    )
    return link


@transaction.atomic
def case_set_riec(*, actor: User, case: Case, riec: bool, reference: str, partners: str) -> Case:
    case = _locked(case, None)
    old = {"riec": case.riec, "reference": case.riec_reference, "partners": case.riec_partners}
    case.riec, case.riec_reference, case.riec_partners = riec, reference.strip(), partners.strip()
    case.version += 1
    case.save(update_fields=["riec", "riec_reference", "riec_partners", "version"])
    audit_record(
        actor=actor,
        action=AuditAction.CASE_RIEC_CHANGED,
        obj=case,
        old=old,
        new={"riec": riec, "reference": case.riec_reference, "partners": case.riec_partners},
    )
    return case


DOCUMENT_FOLDER = "case-documents"


def document_add(*, actor: User, case: Case, clean, title: str = "", kind: str = "", document=None):
    """Store a cleaned upload (``core.uploads.clean_upload``) as a new document, or as the
    next version of ``document``; the file and the row are written together or not at all."""
    written = []
    try:
        with transaction.atomic():
            if document is None:
                document = Document(case=case, title=title.strip(), kind=kind)
                document.full_clean()
                document.save()
            elif document.case_id != case.pk:
                raise ValidationError(_("This document belongs to another case."))
            number = (document.versions.aggregate(m=Max("number"))["m"] or 0) + 1
            version = DocumentVersion(
                document=document,
                number=number,
                file_name=clean.name,
                content_type=clean.content_type,
                size=len(clean.data),
                uploaded_by=actor,
            )
            written.append(files.write(DOCUMENT_FOLDER, version.uuid, clean.data))
            version.save()
            audit_record(
                actor=actor,
                action=AuditAction.CASE_DOCUMENT_ADDED,
                obj=case,
                new={"document": str(document.uuid), "version": number, "kind": document.kind},
            )
            return version
    except BaseException:
        for path in written:  # the database rolled back; leave no orphan file either
            path.unlink(missing_ok=True)
        raise


@transaction.atomic
def member_set(*, actor: User, case: Case, user, role: str) -> CaseMember:
    """Put someone on the case team in a role (or change their role)."""
    member, _created = CaseMember.objects.update_or_create(
        case=case, user=user, defaults={"role": role}
    )
    audit_record(
        actor=actor,
        action=AuditAction.CASE_MEMBER_SET,
        obj=case,
        new={"user": user.pk, "role": role},
    )
    return member


def case_exported(*, actor: User, case: Case, fmt: str, purpose: str, request=None) -> None:
    """Record a hand-over file of the case (ZGW) with its purpose, as every export is."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT_MADE,
        obj=case,
        request=request,
        purpose=purpose,
        extra={"list": "zaak", "format": fmt},
    )
