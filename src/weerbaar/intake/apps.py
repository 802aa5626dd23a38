from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "weerbaar.intake"
    label = "intake"
    verbose_name = _("Reporting point")

    def ready(self):
        from weerbaar.core import files
        from weerbaar.intake import storage
        from weerbaar.intake.models import Attachment

        files.register(storage.FOLDER, lambda: Attachment.objects.values_list("uuid", flat=True))
