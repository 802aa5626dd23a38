"""The reporting point's guard for closing a signal (``signals.closing``): a reporter we can
answer who has not heard from us since they last wrote gets an answer with the closing."""

from django.utils.translation import gettext as _

from weerbaar.intake import sealing
from weerbaar.intake.models import MessageDirection, Report, StandardText
from weerbaar.intake.services import feedback_send

CLOSING_TEXT = "afgerond"


def unanswered(signal) -> list[Report]:
    """The signal's reports (its merged duplicates' too) whose reporter we can answer and who
    has heard nothing from us since the report or their last message."""
    reports = Report.objects.filter(signal__in=[signal, *signal.merged.all()])
    owed = []
    silent = reports.filter(receipt_code="", contact_email="").exclude(sealing.has_reporter())
    for report in reports.exclude(pk__in=silent.values("pk")):
        # Messages keep only their day; their order says who wrote last.
        last = report.messages.order_by("-id").values_list("direction", flat=True).first()
        if last in (None, MessageDirection.FROM_REPORTER):
            owed.append(report)
    return owed


class ReporterAnswer:
    def needs_answer(self, signal) -> bool:
        return bool(unanswered(signal))

    def default_text(self) -> str:
        text = StandardText.objects.filter(code=CLOSING_TEXT, active=True).first()
        if text:
            return text.text
        return _("We have finished handling your report. Thank you for your help.")

    def send(self, *, actor, signal, text: str) -> None:
        for report in unanswered(signal):
            feedback_send(actor=actor, report=report, text=text)
