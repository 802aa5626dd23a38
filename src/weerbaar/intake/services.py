"""Public API of the intake app for writes: reports from every inflow and the dialogue.

The four-eyes reveal of a shielded reporter is written in ``intake.reveals`` and re-exported
here; a reporter's answer tells the colleagues who handle the signal (``intake.notices``).
"""

from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.intake import idempotency, notices, receipts, sealing, start_tokens, storage, throttle
from weerbaar.intake.models import Attachment, Message, MessageDirection, Report
from weerbaar.intake.reveals import reveal_approve, reveal_refuse, reveal_request  # noqa: F401
from weerbaar.signals.constants import Channel
from weerbaar.signals.services import signal_create
from weerbaar.subjects.selectors import registry_address_by_label


@dataclass
class Receipt:
    report: Report | None  # None when this is the answer to a retry
    code: str
    secret: str
    retried: bool = False


class Refused(Exception):
    """The public report was not taken; ``reason`` (one of the constants below) says why."""

    USED = "used"  # the start token made a report already
    BUSY = "busy"  # the global cap on submissions
    IN_PROGRESS = "in_progress"  # the first attempt with this idempotency key is running
    CONFLICT = "conflict"  # the idempotency key was used for other content

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def attachments_add(*, report: Report, files: list, written: list) -> None:
    """Store cleaned files with the report; ``written`` collects paths for clean-up."""
    for clean in files:
        attachment = Attachment(
            report=report,
            file_name=clean.name,
            content_type=clean.content_type,
            size=len(clean.data),
        )
        written.append(storage.write(attachment.uuid, clean.data))
        attachment.save()


def _with_files(create, attachments: list | None):
    """Run ``create`` and store the files with its report, in one transaction."""
    written: list = []
    try:
        with transaction.atomic():
            result = create()
            report = result.report if isinstance(result, Receipt) else result
            attachments_add(report=report, files=attachments or [], written=written)
        return result
    except BaseException:
        for path in written:  # the database rolled back; leave no orphan file either
            path.unlink(missing_ok=True)
        raise


def report_submit_public(
    *,
    attachments: list | None = None,
    start_nonce: str = "",
    idempotency_key: str = "",
    **fields,
) -> Receipt:
    """A public report with its signal, receipt, secret and files: all of it, or nothing.

    ``start_nonce`` (of the form's or API's start token) makes one report at most.
    A retry with the same ``idempotency_key`` and content answers with the first receipt.
    Raises Refused.
    """
    content = idempotency.fingerprint(fields, attachments) if idempotency_key else ""
    if idempotency_key and (earlier := _earlier(idempotency_key, content)):
        return Receipt(None, earlier.code, earlier.secret, retried=True)
    used = False
    try:
        if start_nonce and not (used := start_tokens.use(start_nonce)):
            raise Refused(Refused.USED)
        if not throttle.submission_allowed():
            raise Refused(Refused.BUSY)
        salt = idempotency.new_salt()
        secret = (
            receipts.secret_for(key=idempotency_key, salt=salt)
            if idempotency_key
            else receipts.new_secret()
        )
        receipt = _with_files(lambda: _report_submit_public(secret=secret, **fields), attachments)
    except BaseException:
        if used:
            start_tokens.release(start_nonce)
        if idempotency_key:
            idempotency.release(key=idempotency_key)
        raise
    if idempotency_key:
        idempotency.remember(key=idempotency_key, content=content, code=receipt.code, salt=salt)
    return receipt


def _earlier(key: str, content: str):
    try:
        return idempotency.claim(key=key, content=content)
    except idempotency.InProgress:
        raise Refused(Refused.IN_PROGRESS) from None
    except idempotency.Conflict:
        raise Refused(Refused.CONFLICT) from None


def report_submit_staff(*, attachments: list | None = None, **fields) -> Report:
    """An internal or partner report with its signal and files: all of it, or nothing."""
    return _with_files(lambda: _report_submit_staff(**fields), attachments)


@transaction.atomic
def _report_submit_public(
    *,
    description: str,
    phenomenon=None,
    location_text: str = "",
    occurred: str = "",
    involved: str = "",
    contact_name: str = "",
    contact_email: str = "",
    secret: str,
) -> Receipt:
    signal = signal_create(
        actor=None,
        address=registry_address_by_label(label=location_text),
        channel=Channel.PUBLIC,
        description=description,
        phenomenon=phenomenon,
        location_text=location_text,
        occurred=occurred,
        involved=involved,
    )
    secret_hash = receipts.hash_secret(secret)
    for _attempt in range(5):
        code = receipts.new_code()
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    signal=signal,
                    channel=Channel.PUBLIC,
                    submitted_on=timezone.localdate(),
                    receipt_code=code,
                    secret_hash=secret_hash,
                    contact_name=contact_name.strip(),
                    contact_email=contact_email.strip(),
                )
            break
        except IntegrityError:  # the same 16 digits drawn twice
            continue
    else:
        raise RuntimeError("no free receipt code")
    audit_record(actor=None, action=AuditAction.REPORT_SUBMITTED, obj=report, day_only=True)
    # Capped per address, so the form cannot be used to mail someone hundreds of times.
    if report.contact_email and throttle.acknowledgement_allowed(report.contact_email):
        transaction.on_commit(lambda: _mail_acknowledgement(report.contact_email, code))
    return Receipt(report, code, secret)


def _mail_acknowledgement(address: str, code: str) -> None:
    # A neutral subject: the message must not reveal the ondermijning desk to others.
    send_mail(
        _("Your message to the municipality"),
        _(
            "We have received your message. Your receipt code is %(code)s.\n\n"
            "With this code and your secret you can follow what happens on the website."
        )
        % {"code": receipts.format_code(code)},
        None,
        [address],
        fail_silently=True,
    )


def reporter_message_add(*, report: Report, text: str, key: str = "") -> Message | None:
    """The reporter's message on the dialogue; None when this form (its ``key``) was sent
    already, so a double click or a resent page adds it once."""
    if key and not idempotency.first_use(scope=f"reply:{report.pk}", key=key):
        return None
    with transaction.atomic():
        message = Message.objects.create(
            report=report,
            direction=MessageDirection.FROM_REPORTER,
            text=text.strip(),
            sent_on=timezone.localdate(),
        )
        audit_record(actor=None, action=AuditAction.REPORTER_MESSAGE, obj=report, day_only=True)
        notices.reporter_answered(signal=report.signal)
    return message


@transaction.atomic
def feedback_send(
    *, actor: User | None, report: Report, text: str, is_question: bool = False
) -> Message:
    """A message from the municipality to the reporter; by e-mail too when they left one."""
    message = Message.objects.create(
        report=report,
        direction=MessageDirection.TO_REPORTER,
        text=text.strip(),
        is_question=is_question,
        sent_on=timezone.localdate(),
        author=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.FEEDBACK_SENT,
        obj=report,
        new={"question": is_question, "signal": str(report.signal.uuid)},
    )
    if report.contact_email:
        address = report.contact_email
        transaction.on_commit(
            lambda: send_mail(
                _("Your message to the municipality"),
                _(
                    "There is a new message about what you reported. "
                    "Read it with your receipt code and secret on the website."
                ),
                None,
                [address],
                fail_silently=True,
            )
        )
    return message


def report_opened(*, report: Report) -> None:
    audit_record(actor=None, action=AuditAction.REPORT_FOLLOWED_UP, obj=report, day_only=True)


def follow_up_refused() -> None:
    """Audit wrong code/secret pairs per hour, not per try: a guessing run would otherwise
    add a chain row per guess. The 1st, 10th, 100th ... refusal of the hour is recorded with
    the count so far, so a run of any size leaves a handful of rows and its magnitude."""
    count = throttle.refusal_counted()
    if count == 10 ** (len(str(count)) - 1):
        audit_record(
            actor=None,
            action=AuditAction.FOLLOW_UP_REFUSED,
            day_only=True,
            extra={"refused_this_hour": count},
        )


@transaction.atomic
def _report_submit_staff(
    *,
    actor: User,
    channel: Channel,
    description: str,
    phenomenon=None,
    location_text: str = "",
    occurred: str = "",
    involved: str = "",
    team: str = "",
    shielded: bool = False,
    partner_reference: str = "",
) -> Report:
    """An internal (intern meldpunt) or partner report, with its signal."""
    # A shielded reporter is not the actor of the rows that the signal's timeline shows
    # its readers: the seal would be undone there (SECURITY.md P20c).
    recorded_by = None if shielded else actor
    signal = signal_create(
        actor=recorded_by,
        channel=channel,
        description=description,
        phenomenon=phenomenon,
        location_text=location_text,
        occurred=occurred,
        involved=involved,
    )
    report = Report(
        signal=signal,
        channel=channel,
        submitted_on=timezone.localdate(),
        shielded=shielded,
        **(sealing.seal(actor, team) if shielded else {"reporter": actor, "reporter_team": team}),
        partner_reference=partner_reference.strip(),
        partner_organisation=actor.organisation if channel == Channel.PARTNER else "",
    )
    report.full_clean()
    report.save()
    audit_record(
        actor=recorded_by,
        action=AuditAction.REPORT_SUBMITTED,
        obj=report,
        new={"channel": channel, "shielded": shielded},
    )
    return report


def staff_reply_add(*, actor: User, report: Report, text: str) -> Message:
    """A staff or partner reporter answers on their own report."""
    if not sealing.is_reporter(report, actor):
        raise PermissionError("only the reporter answers on a report")
    with transaction.atomic():
        message = Message.objects.create(
            report=report,
            direction=MessageDirection.FROM_REPORTER,
            text=text.strip(),
            sent_on=timezone.localdate(),
            author=None if report.shielded else actor,
        )
        shielded = report.shielded
        audit_record(
            actor=None if shielded else actor, action=AuditAction.REPORTER_MESSAGE, obj=report
        )
        notices.reporter_answered(signal=report.signal)
    return message


@transaction.atomic
def report_import_mma(*, actor: User, mma) -> Report:
    """One Meld Misdaad Anoniem report as a signal; the MMA number stays with it for the
    yearly count of MMA reports followed up."""
    from django.core.exceptions import ValidationError

    if Report.objects.filter(channel=Channel.MMA, partner_reference=mma.reference).exists():
        raise ValidationError(
            _("MMA report %(ref)s has already been imported.") % {"ref": mma.reference}
        )
    signal = signal_create(actor=actor, channel=Channel.MMA, description=mma.text)
    report = Report.objects.create(
        signal=signal,
        channel=Channel.MMA,
        submitted_on=mma.received_on,
        partner_reference=mma.reference,
        partner_organisation="Meld Misdaad Anoniem",
    )
    audit_record(
        actor=actor,
        action=AuditAction.REPORT_SUBMITTED,
        obj=report,
        new={"channel": Channel.MMA, "reference": mma.reference},
    )
    return report
