from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "weerbaar.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # The kinds of the apps below this one; the warehouse registers its own.
        from weerbaar.privacy import kinds

        kinds.register()
        # The records of the apps below this one for a data subject's request, the check of a
        # restriction for the apps that link subjects, and the answer's term on the overview.
        from weerbaar.privacy import hooks, records

        records.register()
        hooks.register()
        # What a merge of duplicate subjects moves (subjects.merging).
        from weerbaar.subjects.merging import register_references

        register_references("privacy.datarequest", keys=("subject",), many=())
        register_references("privacy.annotation", keys=("subject",), many=())
        register_references("privacy.restriction", keys=("subject",), many=())
