from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubjectsConfig(AppConfig):
    name = "weerbaar.subjects"
    label = "subjects"
    verbose_name = _("Subjects")

    def ready(self):
        from weerbaar.audit import finders
        from weerbaar.subjects.audit_lookup import find_for_audit

        finders.register(find_for_audit)
        # What a merge of duplicate subjects moves (subjects.merging).
        from weerbaar.subjects.merging import register_references

        register_references("subjects.relation", keys=("from_subject", "to_subject"), many=())
