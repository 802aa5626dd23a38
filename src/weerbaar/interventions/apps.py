from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterventionsConfig(AppConfig):
    name = "weerbaar.interventions"
    label = "interventions"
    verbose_name = _("Interventions")

    def ready(self):
        from weerbaar.cases.services import team_follower_register
        from weerbaar.interventions import reminders  # noqa: F401  (its periodic task)
        from weerbaar.interventions.follow import deadlines_follow

        team_follower_register(deadlines_follow)
        # The subject page (subjects, an app below) lists what the reader may see here.
        from weerbaar.interventions import subject_page

        subject_page.register()
