"""Helpers for data migrations that grant an app's permissions to roles (groups).

Permissions are normally created after all migrations ran; these helpers create them on the
spot so a data migration can hand them to the role groups.
"""

from django.contrib.auth.management import create_permissions


def _ensure_permissions(apps, app_labels: set[str]) -> None:
    for label in app_labels:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, role_permissions: dict[str, list[str]]) -> None:
    """Give each role (group name) the listed ``app_label.codename`` permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    labels = {p.split(".")[0] for perms in role_permissions.values() for p in perms}
    _ensure_permissions(apps, labels)
    for role, perms in role_permissions.items():
        group, _created = Group.objects.get_or_create(name=str(role))
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, role_permissions: dict[str, list[str]]) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, perms in role_permissions.items():
        group = Group.objects.filter(name=str(role)).first()
        for perm in perms:
            app_label, codename = perm.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if group and permission:
                group.permissions.remove(permission)
