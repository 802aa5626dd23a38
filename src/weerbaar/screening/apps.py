from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "weerbaar.screening"
    label = "screening"
    verbose_name = _("Bibob screening")

    def ready(self):
        from weerbaar.core import deadline_board, files
        from weerbaar.screening import selectors
        from weerbaar.screening.constants import LETTER_FOLDER
        from weerbaar.screening.models import ScreeningLetter

        files.register(
            LETTER_FOLDER, lambda: ScreeningLetter.objects.values_list("uuid", flat=True)
        )
        # The overview (interventions, a sibling) shows the Bibob terms to the Bibob role only;
        # the rows come through the compartment's own rule.
        deadline_board.register(
            "screening",
            title=_("Bibob screenings"),
            shown=selectors.may_change,
            rows=selectors.deadline_rows,
        )
        # The subject page (subjects, an app below) lists what the reader may see here.
        from weerbaar.screening import subject_page

        subject_page.register()
        # What a merge of duplicate subjects moves (subjects.merging).
        from weerbaar.subjects.merging import register_references

        register_references("screening.screening", keys=("applicant",), many=())
        register_references("screening.screeningparty", keys=("subject",), many=())
