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
        # What a merge of duplicate subjects moves (subjects.merging).
        from weerbaar.subjects.merging import register_references

        register_references("signals.signalsubject", keys=("subject",), many=())
        register_references("signals.signal", keys=("address",), many=())
