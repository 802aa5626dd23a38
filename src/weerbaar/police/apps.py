from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliceConfig(AppConfig):
    name = "weerbaar.police"
    label = "police"
    verbose_name = _("Police information")

    def ready(self) -> None:
        # What a merge of duplicate subjects moves (subjects.merging).
        from weerbaar.subjects.merging import register_references

        register_references("police.provision", keys=("subject",))
