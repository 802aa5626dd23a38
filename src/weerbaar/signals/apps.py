from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "weerbaar.signals"
    label = "signals"
    verbose_name = _("Signals")

    def ready(self) -> None:
        # The subject page (subjects, an app below) lists what the reader may see here.
        from weerbaar.signals import subject_page

        subject_page.register()
