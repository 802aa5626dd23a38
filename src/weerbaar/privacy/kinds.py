"""The kinds of record of the apps below ``privacy`` and when each is past its term.

Terms run from the day a record was done with: a signal's reports from the day the signal
closed (or the signal it was merged into), a case from its closing, a measure from its
finishing, a meeting from its day, a screening from its decision, a control from the day it
was held. A kind whose term has not started (an open signal, an open case) is never due.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_prune
from weerbaar.cases.models import Case, CaseType
from weerbaar.core import files, retention
from weerbaar.core.retention import Kind
from weerbaar.inspections import storage as photo_storage
from weerbaar.inspections.models import Inspection, Photo
from weerbaar.intake.models import Attachment, Message, Report
from weerbaar.interventions.models import Intervention
from weerbaar.meetings.models import Meeting
from weerbaar.privacy import holds, police, removal, subjects
from weerbaar.privacy.models import DataRequest
from weerbaar.screening.constants import LETTER_FOLDER
from weerbaar.screening.models import Screening, ScreeningLetter
from weerbaar.signals import text_index
from weerbaar.signals.constants import RETENTION_NO_ACTION, SignalStatus
from weerbaar.signals.models import Signal

YEAR = 365


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _closed_before(prefix: str, cutoff: date) -> Q:
    """The signal at ``prefix`` closed before ``cutoff``, itself or the one it went into."""
    own = Q(**{f"{prefix}merged_into__isnull": True, f"{prefix}status": SignalStatus.CLOSED})
    own &= Q(**{f"{prefix}closed_on__lt": cutoff})
    merged = Q(**{f"{prefix}merged_into__status": SignalStatus.CLOSED})
    merged &= Q(**{f"{prefix}merged_into__closed_on__lt": cutoff})
    return own | merged


def _reports(today: date, days: int):
    return Report.objects.filter(_closed_before("signal__", today - timedelta(days=days))).exclude(
        signal__in=holds.held_signals()
    )


def _contact_due(today, days):
    return _reports(today, days).exclude(contact_name="", contact_email="")


def _contact_remove(rows) -> int:
    return rows.update(contact_name="", contact_email="")


def _dialogue_due(today, days):
    talked = Exists(Message.objects.filter(report=OuterRef("pk")))
    return _reports(today, days).filter(talked | Q(receipt_code__isnull=False))


def _dialogue_remove(rows) -> int:
    ids = list(rows.values_list("pk", flat=True))
    Message.objects.filter(report__in=ids).delete()
    # The follow-up code stops working: there is nothing left to follow.
    Report.objects.filter(pk__in=ids).update(receipt_code=None, secret_hash="")
    return len(ids)


def _attachments_due(today, days):
    reports = _reports(today, days)
    return Attachment.objects.filter(report__in=reports.values("pk"))


def _signals_no_action_due(today, days):
    return Signal.objects.filter(
        status=SignalStatus.CLOSED,
        led_to_case=False,
        merged_into__isnull=True,
        retain_until__lt=today,
    ).exclude(pk__in=holds.held_signals())


def _signals_after_case_due(today, days):
    """A signal that led to a case goes once no case of it is left, and not within the term
    from its report (so a signal whose case was never linked is not taken at once)."""
    return (
        Signal.objects.filter(
            led_to_case=True,
            merged_into__isnull=True,
            status__in=[SignalStatus.DECIDED, SignalStatus.CLOSED],
            reported_on__lt=today - timedelta(days=days),
        )
        .exclude(Exists(Case.signals.through.objects.filter(signal=OuterRef("pk"))))
        .exclude(pk__in=holds.held_signals())
    )


def _cases_past_type_term(today):
    """Closed cases past the term of their case type, not held."""
    term = Q(pk__in=[])
    for type_id, years in CaseType.objects.values_list("pk", "retention_years"):
        term |= Q(case_type=type_id, closed_on__lt=years_before(today, years))
    return Case.objects.filter(term, closed_on__isnull=False).exclude(pk__in=holds.held_cases())


def _interventions_due(today, days):
    cutoff = today - timedelta(days=days)
    done = Q(finished_on__lt=cutoff) | Q(finished_on__isnull=True, case__closed_on__lt=cutoff)
    return Intervention.objects.filter(done, case__in=_cases_past_type_term(today).values("pk"))


def _interventions_remove(rows) -> int:
    ids = list(rows.values_list("pk", flat=True))
    Intervention.objects.filter(pk__in=ids).delete()
    return len(ids)


def _cases_due(today, days):
    measures = Intervention.objects.filter(case=OuterRef("pk"))
    return _cases_past_type_term(today).exclude(Exists(measures))


def _meetings_due(today, days):
    """Meetings past the term, but not one that decided on a held case or signal."""
    held = Q(items__case__in=holds.held_cases()) | Q(items__signal__in=holds.held_signals())
    old = Meeting.objects.filter(starts_at__date__lt=today - timedelta(days=days))
    return old.exclude(pk__in=Meeting.objects.filter(held).values("pk"))


def _not_held(rows, *fields):
    """``rows`` without those linked through ``fields`` to a held case or signal."""
    for field in fields:
        held = holds.held_cases() if field.endswith("case") else holds.held_signals()
        rows = rows.exclude(**{f"{field}__in": held})
    return rows


def _meetings_remove(rows) -> int:
    ids = list(rows.values_list("pk", flat=True))
    Meeting.objects.filter(pk__in=ids).delete()
    return len(ids)


def _screenings_due(today, days):
    cutoff = today - timedelta(days=days)
    done = Q(decided_on__lt=cutoff) | Q(decided_on__isnull=True, application_received_on__lt=cutoff)
    return _not_held(Screening.objects.filter(done), "case", "signal")


def _screenings_remove(rows) -> int:
    ids = list(rows.values_list("pk", flat=True))
    letters = ScreeningLetter.objects.filter(screening__in=ids)
    files.remove(LETTER_FOLDER, list(letters.values_list("uuid", flat=True)))
    Screening.objects.filter(pk__in=ids).delete()
    return len(ids)


def _inspections_due(today, days):
    cutoff = today - timedelta(days=days)
    done = Q(held_on__lt=cutoff) | Q(held_on__isnull=True, planned_on__lt=cutoff)
    rows = Inspection.objects.filter(done)
    return _not_held(rows, "case", "made_case", "signal", "made_signal")


def _inspections_remove(rows) -> int:
    ids = list(rows.values_list("pk", flat=True))
    photos = Photo.objects.filter(inspection__in=ids)
    files.remove(photo_storage.FOLDER, list(photos.values_list("uuid", flat=True)))
    Inspection.objects.filter(pk__in=ids).delete()
    return len(ids)


def _audit_due(today, days):
    """The oldest records of the trail; ``audit_prune`` takes them in order, so the kind
    hands it the moment and counts what it let go."""
    # Never shorter than the longest case type's term: who saw a kept case stays answerable.
    longest = max(CaseType.objects.values_list("retention_years", flat=True), default=0)
    days = max(days, longest * 366)
    cutoff = timezone.make_aware(datetime.combine(today - timedelta(days=days), time.min))
    newer = AuditRecord.objects.filter(created_at__gte=cutoff).order_by("id")
    boundary = newer.values_list("id", flat=True).first()
    old = AuditRecord.objects.filter(created_at__lt=cutoff)
    return old if boundary is None else old.filter(pk__lt=boundary)


def _audit_remove(rows) -> int:
    last = rows.order_by("-id").values_list("created_at", flat=True).first()
    return audit_prune(before=last + timedelta(microseconds=1)) if last else 0


def _report_label(report) -> str:
    return _("report %(n)s of %(signal)s") % {"n": report.pk, "signal": report.signal.reference}


KINDS = [
    Kind(
        code="reporter_contact",
        title=_("Contact details of reporters"),
        default_days=0,
        reason=_(
            "Needed only to answer the reporter; removed when the signal closes "
            "(AVG art. 5(1)(c) and (e)). The dialogue stays, without a name."
        ),
        due=_contact_due,
        remove=_contact_remove,
        label=_report_label,
        order=10,
        anonymises=True,
    ),
    Kind(
        code="reporter_dialogue",
        title=_("Dialogue with reporters"),
        default_days=90,
        reason=_(
            "Gives the reporter time for a last question after the signal closed; then the "
            "messages and the follow-up code go."
        ),
        due=_dialogue_due,
        remove=_dialogue_remove,
        label=_report_label,
        order=20,
        anonymises=True,
    ),
    Kind(
        code="report_attachments",
        title=_("Attachments of reports"),
        default_days=YEAR,
        reason=_(
            "Files sent with a report, counted from the closing of the signal; what a case "
            "needs is kept in the case file as a document."
        ),
        due=_attachments_due,
        remove=removal.attachments_delete,
        label=lambda a: (
            _("attachment %(n)s of %(signal)s") % {"n": a.pk, "signal": a.report.signal.reference}
        ),
        order=30,
    ),
    Kind(
        code="meeting_minutes",
        title=_("Meetings and their minutes"),
        default_days=5 * YEAR,
        reason=_(
            "Agenda, decisions and action points of a meeting, counted from its day; a "
            "case opened by a decision keeps its own file."
        ),
        due=_meetings_due,
        remove=_meetings_remove,
        label=lambda m: _("meeting of %(day)s") % {"day": m.starts_at.date().isoformat()},
        order=35,
    ),
    Kind(
        code="intervention",
        title=_("Measures"),
        default_days=5 * YEAR,
        reason=_(
            "A measure is kept at least this long after it finished and never before its "
            "case may go (Selectielijst gemeenten: handhaving)."
        ),
        due=_interventions_due,
        remove=_interventions_remove,
        label=lambda i: _("measure %(n)s of %(case)s") % {"n": i.pk, "case": i.case.reference},
        order=40,
    ),
    Kind(
        code="screening",
        title=_("Bibob screenings"),
        default_days=5 * YEAR,
        reason=_(
            "Counted from the decision on the application (Wet Bibob art. 28: no longer "
            "than needed for the decision and a procedure against it)."
        ),
        due=_screenings_due,
        remove=_screenings_remove,
        # Counted only: a screening's number is for the Bibob role (the compartment).
        label=lambda s: "",
        order=45,
    ),
    Kind(
        code="inspection",
        title=_("Controls"),
        default_days=5 * YEAR,
        reason=_("Counted from the day the control was held, with its findings and photos."),
        due=_inspections_due,
        remove=_inspections_remove,
        label=lambda i: i.reference,
        order=45,
    ),
    Kind(
        code="case",
        title=_("Cases"),
        default_days=None,
        reason=_(
            "The term of the case type, in years after closing (Selectielijst gemeenten "
            "2020); a case under objection or appeal, or held by the FG, stays."
        ),
        due=_cases_due,
        remove=removal.cases_delete,
        label=lambda c: c.reference,
        order=50,
    ),
    Kind(
        code=RETENTION_NO_ACTION,
        title=_("Signals closed without action"),
        default_days=YEAR,
        reason=_(
            "A signal that led to nothing is no longer needed a year after it closed "
            "(privacy protocol); the day is set when it closes."
        ),
        due=_signals_no_action_due,
        remove=removal.signals_delete,
        label=lambda s: s.reference,
        order=60,
        finish=text_index.purge_deleted,
    ),
    Kind(
        code="signal_case",
        title=_("Signals that led to a case"),
        default_days=YEAR,
        reason=_(
            "Go once no case they led to is left, and never within this term of being reported."
        ),
        due=_signals_after_case_due,
        remove=removal.signals_delete,
        label=lambda s: s.reference,
        order=70,
        finish=text_index.purge_deleted,
    ),
]


KINDS.append(
    Kind(
        code="audit_trail",
        title=_("The audit trail"),
        default_days=5 * YEAR,
        reason=_(
            "Long enough to answer who saw what about a record for as long as the records "
            "themselves are kept (never shorter than the longest case type's term); each "
            "record past it leaves a tombstone with its hashes, so the chain stays whole and "
            "verifiable."
        ),
        due=_audit_due,
        remove=_audit_remove,
        label=lambda r: _("audit record %(n)s") % {"n": r.pk},
        order=99,
        chained=True,
    )
)


def _requests_due(today, days):
    return DataRequest.objects.filter(completed_on__lt=today - timedelta(days=days))


def _requests_remove(rows) -> int:
    # The withholdings go with the request; annotations and restrictions stay with the person.
    return rows.delete()[1].get(DataRequest._meta.label, 0)


DATA_REQUESTS = Kind(
    code="data_request",
    title=_("Requests of data subjects"),
    default_days=YEAR,
    reason=_(
        "A request with its decisions, counted from the answer: long enough for an objection "
        "or a complaint with the Autoriteit Persoonsgegevens."
    ),
    due=_requests_due,
    remove=_requests_remove,
    label=lambda r: r.reference,
    order=85,
)


def register() -> None:
    for kind in [*KINDS, DATA_REQUESTS, subjects.KIND, police.KIND]:
        retention.register(kind)
