from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WarehouseConfig(AppConfig):
    name = "weerbaar.warehouse"
    label = "warehouse"
    verbose_name = _("Information warehouse")

    def ready(self) -> None:
        # The Bibob list screening asks the warehouse through a registry in the screening
        # app, which may not import this one.
        from weerbaar.screening.services import list_matcher_register
        from weerbaar.warehouse.list_match import match

        list_matcher_register(match)
        # Candidates, facts and outcomes of the inspections app, which may not import this one.
        from weerbaar.warehouse import controls

        controls.register()
