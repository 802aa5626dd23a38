from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "weerbaar.inspections"
    label = "inspections"
    verbose_name = _("Inspections")

    def ready(self):
        from weerbaar.core import files
        from weerbaar.inspections import sources
        from weerbaar.inspections.models import Photo
        from weerbaar.inspections.storage import FOLDER

        files.register(FOLDER, lambda: Photo.objects.values_list("uuid", flat=True))
        sources.register()
        # The subject page (subjects, an app below) lists what the reader may see here.
        from weerbaar.inspections import subject_page

        subject_page.register()
        # What a merge of duplicate subjects moves (subjects.merging).
        from weerbaar.subjects.merging import register_references

        register_references("inspections.inspection", keys=(), many=("addresses", "businesses"))
        register_references("inspections.researchnote", keys=("business",), many=())
        register_references("inspections.addresscheck", keys=("address",), many=("persons",))
        register_references("inspections.typedcandidate", keys=("address",), many=())
