from django.contrib import admin

from weerbaar.accounts.admin import AuditedAdmin
from weerbaar.meetings.models import MeetingSeries


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(AuditedAdmin):
    list_display = ["name", "kind", "interval_weeks"]
    filter_horizontal = ["participants"]
