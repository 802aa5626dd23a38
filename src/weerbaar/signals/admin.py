from django.contrib import admin

from weerbaar.accounts.admin import AuditedAdmin
from weerbaar.signals.models import Phenomenon, RetentionRule


@admin.register(Phenomenon)
class PhenomenonAdmin(AuditedAdmin):
    list_display = ["name", "code", "public", "order"]
    list_editable = ["public", "order"]


@admin.register(RetentionRule)
class RetentionRuleAdmin(AuditedAdmin):
    list_display = ["name", "code", "days"]
    list_editable = ["days"]
