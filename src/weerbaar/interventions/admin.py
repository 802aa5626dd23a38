from django.contrib import admin

from weerbaar.accounts.admin import AuditedAdmin
from weerbaar.interventions.models import Instrument, PolicyRule


@admin.register(Instrument)
class InstrumentAdmin(AuditedAdmin):
    list_display = [
        "name",
        "code",
        "legal_basis",
        "is_decision",
        "is_closure",
        "is_penalty",
        "active",
    ]
    list_filter = ["is_decision", "is_closure", "is_penalty", "active"]


@admin.register(PolicyRule)
class PolicyRuleAdmin(AuditedAdmin):
    list_display = [
        "policy",
        "premise_type",
        "finding",
        "offence",
        "measure",
        "duration_months",
        "indefinite",
    ]
    list_filter = ["policy", "premise_type", "finding"]
