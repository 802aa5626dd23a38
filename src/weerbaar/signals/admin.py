from django.contrib import admin

from weerbaar.accounts.admin import AuditedAdmin
from weerbaar.signals.models import Phenomenon


@admin.register(Phenomenon)
class PhenomenonAdmin(AuditedAdmin):
    list_display = ["name", "code", "public", "order"]
    list_editable = ["public", "order"]
