"""Public API of the intake app for reads.

A reporter reaches their report only with receipt code and secret together; staff reach a
report's dialogue only through the signal, so the signals app's need-to-know applies.
"""

from uuid import UUID

from django.db.models import Max, Min, Q, QuerySet
from django.utils import timezone

from weerbaar.accounts.lookup import visible_get
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.counting import per_year
from weerbaar.intake import receipts, sealing, throttle
from weerbaar.intake.models import (
    Attachment,
    MessageDirection,
    Report,
    RevealRequest,
    StandardText,
)
from weerbaar.intake.waiting import with_waiting_reporter
from weerbaar.signals.constants import CHANGE_PERMISSION as SEND_PERMISSION
from weerbaar.signals.models import Signal
from weerbaar.signals.selectors import (
    public_status,
    signal_family,
    signal_get,
    signals_visible_to,
)


class Throttled(Exception):
    """Too many wrong tries for this receipt code, or in total: try again later."""


def report_open(*, code: str, secret: str) -> Report | None:
    """The report for this code and secret, or None; raises Throttled while blocked."""
    code = receipts.normalize_code(code)
    if throttle.follow_up_blocked(code):
        raise Throttled
    report = (
        Report.objects.filter(receipt_code=code).select_related("signal").first() if code else None
    )
    if not receipts.secret_matches(report.secret_hash if report else None, secret):
        throttle.follow_up_failed(code)
        return None
    return report


def reporter_view(*, report: Report) -> dict:
    """What the follow-up page shows: status and dialogue, not the report itself (P5)."""
    return {
        "status": public_status(signal=report.signal),
        "messages": list(report.messages.all()),
        "submitted_on": report.submitted_on,
    }


def staff_dialogue(*, user, signal_id: UUID, request=None):
    """The signal (need-to-know applied, audited) and its reports with their messages."""
    signal = signal_get(user=user, signal_id=signal_id, request=request)
    # A merged duplicate's reports belong to the signal it was merged into.
    reports = list(
        Report.objects.filter(signal_id__in=signal_family(signal))
        .prefetch_related("messages")
        .order_by("id")
    )
    return signal, reports


def my_reports(*, user):
    """The reports this staff member or partner made themselves, newest first."""
    if not user.is_authenticated:
        return Report.objects.none()
    return (
        Report.objects.filter(sealing.reports_of(user))
        .select_related("signal")
        .prefetch_related("messages")
        .order_by("-id")
    )


def my_report_get(*, user, report_id: UUID, request=None) -> Report:
    return visible_get(
        my_reports(user=user), user=user, object_id=report_id, action=None, request=request
    )


def reveal_granted(*, user, report: Report) -> bool:
    """True when a second person approved ``user``'s request to see this shielded reporter."""
    return report.reveal_requests.filter(requested_by=user, approved_by__isnull=False).exists()


def reveal_pending(*, report: Report):
    """The requests on this report that wait for a second person (neither approved nor
    refused)."""
    return report.reveal_requests.filter(
        approved_by__isnull=True, refused_by__isnull=True
    ).select_related("requested_by")


def reporter_label(*, report: Report, user=None, confirmed: bool = True) -> str:
    """Who reported, as staff may see it: never the name of a shielded reporter, unless the
    four-eyes reveal was approved for this very user and they ``confirmed`` who they are
    again a moment ago (P29)."""
    from django.utils.translation import gettext as _

    if report.shielded and (report.reporter_id or report.reporter_sealed):
        if not (confirmed and user and reveal_granted(user=user, report=report)):
            return _("shielded staff member")
    reporter, team = sealing.opened(report)
    if reporter is None:
        return _("anonymous") if not report.contact_name else report.contact_name
    name = reporter.get_full_name() or reporter.get_username()
    if report.partner_organisation:
        return f"{name} ({report.partner_organisation})"
    return f"{name} ({team})" if team else name


def staff_report_get(*, user, report_id: UUID, request=None) -> Report:
    """A report reached through its signal, so the signal's need-to-know applies."""
    report = visible_get(
        Report.objects.filter(signal__in=signals_visible_to(user)).select_related("signal"),
        user=user,
        object_id=report_id,
        action=None,
        request=request,
    )
    audit_record(actor=user, action=AuditAction.SIGNAL_VIEWED, obj=report.signal, request=request)
    return report


def attachment_get(*, user, attachment_id: UUID, request=None):
    """An attachment reached through its report's signal (need-to-know applies); audited."""
    return visible_get(
        Attachment.objects.filter(report__signal__in=signals_visible_to(user)).select_related(
            "report__signal"
        ),
        user=user,
        object_id=attachment_id,
        action=AuditAction.ATTACHMENT_VIEWED,
        request=request,
    )


def reporter_silence_days(*, signal) -> int | None:
    """Days since a reporter of this signal (or of a signal merged into it) last heard from
    the municipality, for the reporter who has waited longest; None when no reporter can be
    answered (an anonymous report without receipt code, e.g. from MMA)."""
    reports = Report.objects.filter(signal_id__in=signal_family(signal)).annotate(
        last_word=Max("messages__sent_on", filter=Q(messages__direction="to_reporter"))
    )
    waited = [
        (timezone.localdate() - (r.last_word or r.submitted_on)).days
        for r in reports
        if r.receipt_code or r.reporter_id or r.reporter_key or r.contact_email
    ]
    return max(waited) if waited else None


def reporters_waiting(*, user) -> QuerySet[Signal]:
    """Open signals ``user`` may see with a reporter waiting for an answer (the 30-day rule),
    as the inbox's filter *melder wacht op antwoord* lists them, oldest first."""
    return with_waiting_reporter(signals_visible_to(user)).order_by("reported_on", "id")


def reveals_to_approve(*, user) -> QuerySet[RevealRequest]:
    """Requests to see a shielded reporter that wait for a second person, on signals
    ``user`` may see and may answer for; never ``user``'s own requests."""
    if not user.has_perm(SEND_PERMISSION):
        return RevealRequest.objects.none()
    return (
        RevealRequest.objects.filter(
            approved_by__isnull=True,
            refused_by__isnull=True,
            report__signal__in=signals_visible_to(user),
        )
        .exclude(requested_by=user.pk)
        .select_related("report__signal", "requested_by")
        .order_by("requested_at", "id")
    )


def standard_texts() -> QuerySet[StandardText]:
    """The standard messages to reporters in use, in their order."""
    return StandardText.objects.filter(active=True).order_by("order", "title")


def reveal_needs_confirmation(*, report: Report, user, confirmed: bool) -> bool:
    """A reveal granted to ``user`` that shows the name only after a fresh confirmation."""
    return report.shielded and not confirmed and reveal_granted(user=user, report=report)


def yearly_counts(*, user, years: range) -> dict[str, list]:
    """For the yearly report: the reports received in ``years`` per channel, those that got
    feedback, and the days from a report to its first feedback (per year and channel, for a
    median), each count with how many ``user`` may see (through the signal). Aggregates only:
    the days are a list of numbers without the reports they belong to."""
    received = Report.objects.filter(
        submitted_on__year__gte=years.start, submitted_on__year__lt=years.stop
    )
    visible = Report.objects.filter(signal__in=signals_visible_to(user))
    answered = received.filter(messages__direction=MessageDirection.TO_REPORTER).distinct()
    first = answered.annotate(
        first=Min("messages__sent_on", filter=Q(messages__direction=MessageDirection.TO_REPORTER))
    ).values_list("submitted_on", "channel", "first")
    days: dict[tuple[int, str], list[int]] = {}
    for submitted, channel, answered_on in first:
        days.setdefault((submitted.year, channel), []).append((answered_on - submitted).days)
    return {
        "channels": per_year(received, year_field="submitted_on", group="channel", visible=visible),
        "answered": per_year(answered, year_field="submitted_on", group="channel", visible=visible),
        "days": days,
    }


def feedback_owed_count(*, user) -> dict[str, int]:
    """For the mayor's overview: the open signals whose reporter has waited ``FEEDBACK_DAYS``
    or more for an answer, with how many of them ``user`` may see. Aggregates only."""
    owed = with_waiting_reporter(Signal.objects.all())
    return {
        "total": owed.count(),
        "seen": owed.filter(pk__in=signals_visible_to(user).values("pk")).count(),
    }
