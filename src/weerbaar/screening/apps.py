from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "weerbaar.screening"
    label = "screening"
    verbose_name = _("Bibob screening")

    def ready(self):
        from weerbaar.core import deadline_board
        from weerbaar.screening import selectors

        # The overview (interventions, a sibling) shows the Bibob terms to the Bibob role only;
        # the rows come through the compartment's own rule.
        deadline_board.register(
            "screening",
            title=_("Bibob screenings"),
            shown=selectors.may_change,
            rows=selectors.deadline_rows,
        )
