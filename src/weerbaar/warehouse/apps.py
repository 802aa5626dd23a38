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
        # The map (reporting, a sibling) draws the alerts and the BAG's places through a
        # registry in core.
        from weerbaar.core import area_map
        from weerbaar.warehouse import places, selectors

        area_map.register_places(places)
        area_map.register_layer(
            "pakhuis",
            area_map.Layer(
                _("Alerts of the warehouse"), selectors.map_counts, selectors.may_review
            ),
        )
        # The retention job (privacy, a sibling) removes alerts past their term.
        from weerbaar.warehouse import retention

        retention.register()
        # The overview of a data subject's request (privacy, a sibling) lists its records.
        from weerbaar.warehouse import records

        records.register()
        # The processing register (privacy) lists the sources imported.
        from weerbaar.warehouse import practice

        practice.register()
        # The subject page (subjects, an app below) lists what the reader may see here.
        from weerbaar.warehouse import subject_page

        subject_page.register()
        # What a merge of duplicate subjects moves (subjects.merging).
        from weerbaar.subjects.merging import register_references

        register_references("warehouse.registrylink", keys=("subject",), many=())
