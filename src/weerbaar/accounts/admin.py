from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts import services
from weerbaar.accounts.constants import CHANGE_USER_PERMISSION, FOUR_EYES_ROLES, Role, TokenEnd
from weerbaar.accounts.models import ApiToken, RoleGrantRequest, Share, Team, TeamMembership, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.models import EquatedDay


class AuditedAdmin(admin.ModelAdmin):
    """Every add, change and delete made in the admin also goes into the audit trail."""

    def audit_changes(self, obj) -> tuple[dict | None, dict | None]:
        """Old and new values for the audit record; a model admin with fields that matter
        says which."""
        return None, None

    def _audit(self, request, obj, what: str, message=""):
        old, new = self.audit_changes(obj) if what != "deleted" else (None, None)
        audit_record(
            actor=request.user,
            action=AuditAction.ADMIN_CHANGE,
            obj=obj,
            request=request,
            old=old,
            new=new,
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


GRANT_PENDING = _(
    "The role %(role)s waits for the approval of a second beheerder (Role grant: requests)."
)


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 1
    autocomplete_fields = ["user"]


# Fields with consequences that a non-superuser may not touch: they give rights beyond the
# roles (SECURITY.md P23); ``is_staff`` follows the beheerder role.
SUPERUSER_FIELDS = ("is_superuser", "is_staff", "user_permissions")


def _account_state(user: User) -> dict:
    """What the audit record of an account change shows before and after."""
    return {
        "is_superuser": user.is_superuser,
        "is_staff": user.is_staff,
        "is_active": user.is_active,
        "roles": sorted(user.role_names()),
        "permissions": sorted(user.user_permissions.values_list("codename", flat=True)),
    }


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    """Accounts. Roles, activity and superuser status change through the services, so the
    four-eyes rule, the audit trail and the end of API keys hold here too."""

    list_display = ["username", "first_name", "last_name", "organisation", "is_active"]
    list_filter = ["groups", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, (None, {"fields": ["organisation"]})]

    def has_change_permission(self, request, obj=None):
        # Changing a superuser (say, his password) would make one a superuser in all but name.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fixed = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fixed += SUPERUSER_FIELDS
        if obj is not None and obj.pk == request.user.pk:
            fixed += ["groups", "is_superuser", "is_active"]
        return list(dict.fromkeys(fixed))

    def save_model(self, request, obj, form, change):
        before = User.objects.filter(pk=obj.pk).first() if change else None
        obj.audit_before = _account_state(before) if before else {}
        wanted = {"is_active": obj.is_active, "is_superuser": obj.is_superuser}
        if before is not None:
            # Stored as they were; the services below make the change, with its audit record.
            obj.is_active, obj.is_superuser = before.is_active, before.is_superuser
        super().save_model(request, obj, form, change)
        if wanted["is_active"] != obj.is_active:
            services.user_set_active(actor=request.user, user=obj, active=wanted["is_active"])
        if wanted["is_superuser"] != obj.is_superuser:
            services.user_set_superuser(actor=request.user, user=obj, value=wanted["is_superuser"])

    def save_related(self, request, form, formsets, change):
        user = form.instance
        groups = form.cleaned_data.pop("groups", None)
        before = set(user.user_permissions.values_list("pk", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        if groups is not None:
            self._set_roles(request, user, {g.name for g in groups})
        if before != set(user.user_permissions.values_list("pk", flat=True)):
            # Rights of one's own are a role in all but name: they end the keys as well.
            services.tokens_revoke(actor=request.user, user=user, reason=TokenEnd.ROLES_CHANGED)

    def _set_roles(self, request, user: User, wanted: set[str]) -> None:
        current = user.role_names()
        privileged = (wanted - current) & FOUR_EYES_ROLES
        direct = (current & wanted) | (wanted - current - privileged)
        if direct != current:
            services.user_set_roles(actor=request.user, user=user, roles=sorted(direct))
        for role in sorted(privileged):
            try:
                services.role_grant_request(actor=request.user, user=user, role=role)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.warning(request, GRANT_PENDING % {"role": Role(role).label})

    def audit_changes(self, obj):
        return getattr(obj, "audit_before", None), _account_state(obj)

    def user_change_password(self, request, id, form_url=""):
        user = self.get_object(request, unquote(id))
        before = user.password if user else None
        response = super().user_change_password(request, id, form_url)
        if user is not None and request.method == "POST":
            user.refresh_from_db(fields=["password"])
            if user.password != before:
                services.password_changed(request=request, user=user, actor=request.user)
        return response


class ReviewOnlyAdmin(AuditedAdmin):
    """Rows made elsewhere (by a service); here they are only read and acted on."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RoleGrantRequest)
class RoleGrantRequestAdmin(ReviewOnlyAdmin):
    """Where a second beheerder (or a superuser) approves or refuses a privileged role."""

    list_display = ["user", "role", "requested_by", "created_at", "status", "decided_by"]
    list_filter = ["status", "role"]
    actions = ["approve", "refuse"]

    def has_decide_permission(self, request):
        return services.may_handle_roles(request.user)

    def _decide(self, request, queryset, service, done):
        for grant in queryset:
            try:
                service(actor=request.user, grant=grant)
            except ValidationError as exc:
                self.message_user(request, f"{grant}: {' '.join(exc.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"{grant}: {done}", messages.SUCCESS)

    @admin.action(description=_("Approve the selected requests"), permissions=["decide"])
    def approve(self, request, queryset):
        self._decide(request, queryset, services.role_grant_approve, _("approved"))

    @admin.action(description=_("Refuse the selected requests"), permissions=["decide"])
    def refuse(self, request, queryset):
        self._decide(request, queryset, services.role_grant_refuse, _("refused"))


@admin.register(ApiToken)
class ApiTokenAdmin(ReviewOnlyAdmin):
    """API keys in use (never the key itself), for the periodic access review; a lost key
    is withdrawn here."""

    list_display = ["prefix", "user", "scope", "created_at", "expires_at", "last_used_at"]
    list_filter = ["scope", "revoked_reason"]
    exclude = ["key_hash", "password_mark"]
    actions = ["withdraw"]

    def has_withdraw_permission(self, request):
        return request.user.has_perm(CHANGE_USER_PERMISSION)

    @admin.action(description=_("Withdraw the keys of these users"), permissions=["withdraw"])
    def withdraw(self, request, queryset):
        for user in User.objects.filter(api_tokens__in=queryset).distinct():
            services.tokens_revoke(actor=request.user, user=user)


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
    """Roles: which permissions each role carries (policy data). Only a superuser changes
    them: a beheerder could otherwise give his own role every "see everything" permission;
    and the roles are known by their names, so renaming one would empty it."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)


@admin.register(EquatedDay)
class EquatedDayAdmin(AuditedAdmin):
    """Registered here, not in core: core imports no app, and admin changes must be audited."""

    list_display = ["day", "reason"]
