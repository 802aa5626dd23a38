from django.contrib import admin

from weerbaar.accounts.admin import AuditedAdmin
from weerbaar.cases.models import CaseType


@admin.register(CaseType)
class CaseTypeAdmin(AuditedAdmin):
    list_display = ["name", "code", "reporting_category", "default_team", "riec", "active"]
    list_filter = ["riec", "active"]
