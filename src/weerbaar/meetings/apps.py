from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "weerbaar.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from weerbaar.meetings.bulk import register_agenda_action

        register_agenda_action()
        # The subject page (subjects, an app below) lists what the reader may see here.
        from weerbaar.meetings import subject_page

        subject_page.register()
