from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfigurationConfig(AppConfig):
    name = "weerbaar.configuration"
    label = "configuration"
    verbose_name = _("Settings")

    def ready(self):
        from weerbaar.configuration import controls

        controls.register()
