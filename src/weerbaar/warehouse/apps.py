from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WarehouseConfig(AppConfig):
    name = "weerbaar.warehouse"
    label = "warehouse"
    verbose_name = _("Information warehouse")

    def ready(self):
        from weerbaar.warehouse import controls

        controls.register()
