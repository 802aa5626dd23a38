"""API keys: stored as a keyed hash, with an expiry and a scope, ended by every change of
password, activity or roles, and bound by the second factor like a session."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time
from rest_framework.test import APIClient

from tests.factories import make_person
from weerbaar.accounts import services
from weerbaar.accounts.models import ApiToken
from weerbaar.audit.models import AuditRecord

pytestmark = pytest.mark.django_db

LIST = "/api/v1/subjecten/"
SEARCH = "/api/v1/subjecten/zoeken/"


def _api(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


def _confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)


def test_key_is_stored_only_as_a_keyed_hash(regisseur):
    key = services.token_issue(actor=regisseur, scope="read")
    token = ApiToken.objects.get(user=regisseur)
    secret = key.split(".", 1)[1]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ApiToken._meta.db_table}")  # noqa: S608
        stored = " ".join(str(v) for row in cursor.fetchall() for v in row)
    assert secret not in stored and key not in stored
    assert len(token.key_hash) == 64 and token.prefix == key.split(".", 1)[0]
    assert _api(key).get(LIST).status_code == 200


def test_clear_drf_tokens_are_gone():
    assert not apps.is_installed("rest_framework.authtoken")
    assert "authtoken_token" not in connection.introspection.table_names()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    assert client.get(LIST).status_code in (401, 403)


def test_wrong_secret_with_a_real_prefix_is_refused(regisseur):
    key = services.token_issue(actor=regisseur, scope="read")
    prefix, secret = key.split(".", 1)
    assert _api(f"{prefix}.{secret[:-2]}xx").get(LIST).status_code == 401


def test_token_expires(regisseur, settings):
    settings.API_TOKEN_DAYS = 30
    key = services.token_issue(actor=regisseur, scope="read")
    token = ApiToken.objects.get(user=regisseur)
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    with freeze_time(timezone.now() + timedelta(days=29)):
        assert _api(key).get(LIST).status_code == 200
    with freeze_time(timezone.now() + timedelta(days=31)):
        assert _api(key).get(LIST).status_code == 401


def test_last_use_is_recorded(regisseur):
    key = services.token_issue(actor=regisseur, scope="read")
    _api(key).get(LIST)
    assert ApiToken.objects.get(user=regisseur).last_used_at is not None


def test_refused_after_password_change_on_the_account_page(regisseur):
    key = services.token_issue(actor=regisseur, scope="read")
    client = Client()
    client.force_login(regisseur)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "geheim-wachtwoord-123",
            "new_password1": "een-heel-nieuw-wachtwoord-9",
            "new_password2": "een-heel-nieuw-wachtwoord-9",
        },
    )
    assert response.status_code == 302
    assert _api(key).get(LIST).status_code == 401
    token = ApiToken.objects.get(user=regisseur)
    assert token.revoked_at is not None and token.revoked_reason == "password_changed"


def test_refused_after_password_set_in_the_admin(regisseur, beheerder):
    key = services.token_issue(actor=regisseur, scope="read")
    client = Client()
    client.force_login(beheerder)
    client.post(
        reverse("admin:auth_user_password_change", args=[regisseur.pk]),
        {
            "usable_password": "true",
            "password1": "door-beheer-gezet-wachtwoord-4",
            "password2": "door-beheer-gezet-wachtwoord-4",
        },
    )
    regisseur.refresh_from_db()
    assert regisseur.check_password("door-beheer-gezet-wachtwoord-4")
    assert _api(key).get(LIST).status_code == 401
    assert ApiToken.objects.get(user=regisseur).revoked_at is not None


def test_refused_after_any_password_change_even_outside_the_services(regisseur):
    # A password changed by `manage.py changepassword` or a reset link passes no service.
    key = services.token_issue(actor=regisseur, scope="read")
    regisseur.set_password("op-de-commandoregel-gezet-7")
    regisseur.save()
    assert _api(key).get(LIST).status_code == 401


def test_refused_after_deactivation(regisseur, beheerder):
    key = services.token_issue(actor=regisseur, scope="read")
    services.user_set_active(actor=beheerder, user=regisseur, active=False)
    assert ApiToken.objects.get(user=regisseur).revoked_reason == "deactivated"
    services.user_set_active(actor=beheerder, user=regisseur, active=True)
    assert _api(key).get(LIST).status_code == 401


def test_deactivation_in_the_admin_revokes(regisseur, beheerder):
    from tests.accounts.test_admin_privileges import _post_user

    services.token_issue(actor=regisseur, scope="read")
    client = Client()
    client.force_login(beheerder)
    form = {"is_active": ""}
    _post_user(client, regisseur, **form)
    regisseur.refresh_from_db()
    assert not regisseur.is_active
    assert ApiToken.objects.get(user=regisseur).revoked_reason == "deactivated"
    assert AuditRecord.objects.filter(action="accounts.active_changed").exists()


def test_refused_after_role_change(regisseur, beheerder):
    key = services.token_issue(actor=regisseur, scope="read")
    services.user_set_roles(actor=beheerder, user=regisseur, roles=["medewerker"])
    assert _api(key).get(LIST).status_code == 401
    assert ApiToken.objects.get(user=regisseur).revoked_reason == "roles_changed"


def test_a_new_key_ends_the_previous_one(regisseur):
    first = services.token_issue(actor=regisseur, scope="read")
    second = services.token_issue(actor=regisseur, scope="read")
    assert _api(first).get(LIST).status_code == 401
    assert _api(second).get(LIST).status_code == 200


def test_read_scope_cannot_post(regisseur):
    make_person("Pieter Jansen")
    read = services.token_issue(actor=regisseur, scope="read")
    assert _api(read).get(LIST).status_code == 200
    # A search only reads: it is a POST to keep the terms out of URLs and logs.
    assert _api(read).post(SEARCH, {"q": "Pieter"}, format="json").status_code == 200
    report = {"description": "Bij de loods staan 's nachts busjes met draaiende motor."}
    refused = _api(read).post("/api/v1/meldingen/intern/", report, format="json")
    assert refused.status_code == 403
    write = services.token_issue(actor=regisseur, scope="write")
    assert _api(write).post("/api/v1/meldingen/intern/", report, format="json").status_code == 201


def test_no_key_without_a_second_factor_when_the_role_requires_one(regisseur, settings):
    settings.OTP_REQUIRED_ROLES = ["regisseur"]
    with pytest.raises(ValidationError):
        services.token_issue(actor=regisseur, scope="read")
    assert not ApiToken.objects.exists()
    _confirmed_device(regisseur)
    assert services.token_issue(actor=regisseur, scope="read")


def test_token_request_without_a_second_factor_is_refused(regisseur, settings):
    key = services.token_issue(actor=regisseur, scope="read")
    settings.OTP_REQUIRED_ROLES = ["regisseur"]
    response = _api(key).get(LIST)
    assert response.status_code == 403
    assert response.json()["detail"] == "Tweede factor vereist."
    _confirmed_device(regisseur)
    assert _api(key).get(LIST).status_code == 200


def test_profile_page_issues_a_key_once(regisseur):
    client = Client()
    client.force_login(regisseur)
    page = client.post(reverse("accounts:token_renew"), {"scope": "write"}).content.decode()
    token = ApiToken.objects.get(user=regisseur)
    assert token.scope == "write" and f"{token.prefix}." in page
    assert f"{token.prefix}." not in client.get(reverse("accounts:profile")).content.decode()
    assert not any(f"{token.prefix}." in str(v) for v in client.session.values())


def test_profile_page_refuses_a_key_without_a_second_factor(regisseur, settings):
    from django_otp import DEVICE_ID_SESSION_KEY

    settings.OTP_REQUIRED_ROLES = ["regisseur"]
    client = Client()
    client.force_login(regisseur)
    # Verified in the session, but the device has since been removed by the beheerder.
    device = _confirmed_device(regisseur)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    device.delete()
    client.post(reverse("accounts:token_renew"), {"scope": "read"})
    assert not ApiToken.objects.exists()


def test_token_issue_and_revoke_are_audited(regisseur):
    services.token_issue(actor=regisseur, scope="read")
    created = AuditRecord.objects.filter(action="accounts.token_created").get()
    assert created.changes["new"]["scope"] == "read" and "expires_at" in created.changes["new"]
    assert services.tokens_revoke(actor=regisseur, user=regisseur, reason="by_user") == 1
    assert AuditRecord.objects.filter(action="accounts.token_revoked").count() == 1
