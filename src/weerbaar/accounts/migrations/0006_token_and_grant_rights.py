"""The old clear-text API keys go, the beheerder reviews role grants and keys, and no longer
changes the permissions of roles (only a superuser does)."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

REVIEW = {
    "beheerder": ["accounts.view_rolegrantrequest", "accounts.view_apitoken"],
}
ROLE_EDITING = {"beheerder": ["auth.change_group"]}


def forwards(apps, schema_editor):
    # Django REST framework's token table held every key in clear; those keys must not
    # keep working, nor stay readable (docs/roles-and-api-keys.md: keys are made anew).
    schema_editor.execute("DROP TABLE IF EXISTS authtoken_token")
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label="authtoken").delete()
    grant(apps, REVIEW)
    revoke(apps, ROLE_EDITING)


def backwards(apps, schema_editor):
    # The clear keys are not brought back.
    revoke(apps, REVIEW)
    grant(apps, ROLE_EDITING)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_tokens_and_role_grants"),
        # The admin's log points at content types: in the state so their rows follow.
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
