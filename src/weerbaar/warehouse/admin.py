from django.contrib import admin

from weerbaar.accounts.admin import AuditedAdmin
from weerbaar.warehouse.models import RuleSetting


@admin.register(RuleSetting)
class RuleSettingAdmin(AuditedAdmin):
    list_display = ["rule", "params"]
