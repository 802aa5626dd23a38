from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.models import Share, Team, TeamMembership, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.models import EquatedDay


class AuditedAdmin(admin.ModelAdmin):
    """Every add, change and delete made in the admin also goes into the audit trail."""

    def _audit(self, request, obj, what: str, message=""):
        audit_record(
            actor=request.user,
            action=AuditAction.ADMIN_CHANGE,
            obj=obj,
            request=request,
            extra={"what": what, "model": obj._meta.label_lower, "message": str(message)[:500]},
        )

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "added", message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, "changed", message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "deleted")
        return super().log_deletions(request, queryset)


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "organisation", "is_active"]
    list_filter = ["groups", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, (None, {"fields": ["organisation"]})]

    def save_related(self, request, form, formsets, change):
        old = sorted(form.instance.groups.values_list("name", flat=True)) if change else []
        super().save_related(request, form, formsets, change)
        new = sorted(form.instance.groups.values_list("name", flat=True))
        # Role changes are privileged: they go into the audit trail (SECURITY.md, P25).
        action = AuditAction.ROLES_CHANGED if change else AuditAction.USER_CREATED
        audit_record(
            actor=request.user,
            action=action,
            obj=form.instance,
            request=request,
            old={"roles": old, "active": form.initial.get("is_active")},
            new={"roles": new, "active": form.instance.is_active},
        )


@admin.register(Team)
class TeamAdmin(AuditedAdmin):
    list_display = ["name", "is_external"]
    search_fields = ["name"]
    inlines = [MembershipInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        members = sorted(str(u) for u in form.instance.members.values_list("uuid", flat=True))
        audit_record(
            actor=request.user,
            action=AuditAction.TEAM_MEMBER_ADDED,
            obj=form.instance,
            request=request,
            new={"members": members},
        )


@admin.register(Share)
class ShareAdmin(AuditedAdmin):
    list_display = ["content_type", "object_uuid", "user", "team", "purpose", "expires_at"]
    readonly_fields = ["granted_by"]

    def has_add_permission(self, request):
        # Shares are made from the object's own page, where purpose and basis are asked.
        return False


class DeviceAdmin(AuditedAdmin, TOTPDeviceAdmin):
    """TOTP devices, so the beheerder can remove a lost one; unknown ids answer 404."""

    def config_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().qrcode_view(request, pk)


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, DeviceAdmin)


class GroupAdmin(AuditedAdmin, BaseGroupAdmin):
    """Roles: which permissions each role carries (policy data)."""


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)


@admin.register(EquatedDay)
class EquatedDayAdmin(AuditedAdmin):
    """Registered here, not in core: core imports no app, and admin changes must be audited."""

    list_display = ["day", "reason"]
