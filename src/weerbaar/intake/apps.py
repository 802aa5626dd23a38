from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "weerbaar.intake"
    label = "intake"
    verbose_name = _("Reporting point")

    def ready(self):
        from weerbaar.core import files
        from weerbaar.intake import storage, waiting
        from weerbaar.intake.closing import ReporterAnswer
        from weerbaar.intake.models import Attachment
        from weerbaar.signals import closing, list_filters
        from weerbaar.signals.selectors import timeline_part_register

        closing.register(ReporterAnswer())
        files.register(storage.FOLDER, lambda: Attachment.objects.values_list("uuid", flat=True))
        timeline_part_register(_reports_of)
        list_filters.register(waiting.FILTER_NAME, waiting.with_waiting_reporter)


def _reports_of(signals):
    # A signal's timeline shows what happened to the reports behind it (feedback, messages).
    from weerbaar.intake.models import Report

    return Report.objects.filter(signal__in=signals).values_list("uuid", flat=True)
