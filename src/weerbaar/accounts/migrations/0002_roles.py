"""The roles of DOMAIN.md as groups, with the permissions of the lower apps."""

from django.db import migrations

from weerbaar.accounts.constants import ROLE_PERMISSIONS, Role
from weerbaar.accounts.roles import grant


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    grant(apps, {str(k): v for k, v in ROLE_PERMISSIONS.items()})


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[r.value for r in Role]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("audit", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
