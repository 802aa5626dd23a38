from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "weerbaar.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from weerbaar.meetings.bulk import register_agenda_action

        register_agenda_action()
