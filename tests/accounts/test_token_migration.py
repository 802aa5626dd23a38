"""The upgrade removes the clear-text keys of Django REST framework's token table."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upgrade_drops_the_clear_keys():
    call_command("migrate", "accounts", "0005", verbosity=0)
    with connection.cursor() as cursor:
        # The table as rest_framework.authtoken left it, with one key in clear.
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamp, "
            "user_id bigint)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES "
            "('0123456789abcdef0123456789abcdef01234567', CURRENT_TIMESTAMP, 1)"
        )
    ContentType.objects.get_or_create(app_label="authtoken", model="token")
    call_command("migrate", "accounts", verbosity=0)
    assert "authtoken_token" not in connection.introspection.table_names()
    assert not ContentType.objects.filter(app_label="authtoken").exists()
    ContentType.objects.clear_cache()
    # Going back to accounts 0005 also took back the apps that depend on later accounts
    # migrations; bring every app forward again for the tests after this one.
    call_command("migrate", verbosity=0)
