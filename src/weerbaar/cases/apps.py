from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "weerbaar.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        from weerbaar.cases.models import DocumentVersion
        from weerbaar.cases.services import DOCUMENT_FOLDER
        from weerbaar.core import files

        files.register(
            DOCUMENT_FOLDER, lambda: DocumentVersion.objects.values_list("uuid", flat=True)
        )
        # The subject page (subjects, an app below) lists what the reader may see here.
        from weerbaar.cases import subject_page

        subject_page.register()
        # What a merge of duplicate subjects moves (subjects.merging).
        from weerbaar.subjects.merging import register_references

        register_references("cases.casesubject", keys=("subject",), many=())
