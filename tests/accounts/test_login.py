import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"


def _login(client, username, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_success_is_audited_and_lands_on_start(client, regisseur):
    response = _login(client, "regisseur")
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert AuditRecord.objects.filter(action=AuditAction.LOGIN, actor_id=regisseur.pk).exists()
    page = client.get(reverse("home"))
    assert "Welkom" in page.content.decode() and "Regisseur ondermijning" in page.content.decode()


def test_wrong_password_shows_dutch_message_and_keeps_username(client, regisseur):
    response = _login(client, "regisseur", "fout")
    text = response.content.decode()
    assert "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet" in text
    assert 'value="regisseur"' in text
    assert AuditRecord.objects.filter(action=AuditAction.LOGIN_FAILED).count() == 1


def test_lockout_after_five_failures(client, regisseur):
    for _ in range(5):
        _login(client, "regisseur", "fout")
    response = _login(client, "regisseur")  # the right password no longer helps
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.content.decode()


def test_logout_is_post_only_and_clears_site_data(client, regisseur):
    client.force_login(regisseur)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert client.get(reverse("home")).status_code == 302


def test_password_change(client, regisseur):
    client.force_login(regisseur)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "een-lange-nieuwe-zin",
            "new_password2": "een-lange-nieuwe-zin",
        },
    )
    assert response.status_code == 302
    regisseur.refresh_from_db()
    assert regisseur.check_password("een-lange-nieuwe-zin")
    assert AuditRecord.objects.filter(action=AuditAction.PASSWORD_CHANGED).exists()


@override_settings(OTP_REQUIRED_ROLES=["regisseur"])
def test_role_requiring_otp_must_enrol_then_verify(client, regisseur, fg):
    _login(client, "regisseur")
    response = client.get(reverse("subjects:search"))
    assert response["Location"] == reverse("accounts:otp_enroll")
    client.get(reverse("accounts:otp_enroll"))
    device = TOTPDevice.objects.get(user=regisseur)
    wrong = client.post(reverse("accounts:otp_enroll"), {"token": "000000"})
    assert "Deze code klopt niet" in wrong.content.decode()
    # A wrong code throttles the device for a while; let that time pass.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post(reverse("accounts:otp_enroll"), {"token": token}).status_code == 302
    assert client.get(reverse("subjects:search")).status_code == 200
    # A role that does not require it goes straight in.
    other = client.__class__()
    _login(other, "fg")
    assert other.get(reverse("audit:list")).status_code == 200


@override_settings(OTP_REQUIRED_ROLES=["*"])
def test_otp_required_for_api_session_too(client, regisseur):
    client.force_login(regisseur)
    assert client.get("/api/v1/subjecten/").status_code == 403


@override_settings(SESSION_ABSOLUTE_HOURS=0)
def test_absolute_session_limit(client, regisseur):
    _login(client, "regisseur")
    assert client.get(reverse("home")).status_code == 302


def test_deactivated_user_loses_session(client, regisseur):
    client.force_login(regisseur)
    regisseur.is_active = False
    regisseur.save()
    assert client.get(reverse("home")).status_code == 302


def test_admin_changes_are_audited(client, beheerder):
    client.force_login(beheerder)
    response = client.post(
        "/beheer/accounts/team/add/",
        {
            "name": "Nieuw team",
            "description": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = AuditRecord.objects.filter(action="accounts.admin_change").get()
    assert record.actor_id == beheerder.pk and record.changes["extra"]["what"] == "added"
