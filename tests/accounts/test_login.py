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


# Lockout behind the reverse proxy (#12): the client's address, a growing delay, and attempts
# refused while waiting do not count.
PROXY = "10.0.0.1"


def _login_from(client, address, password=PASSWORD, *, forged=""):
    chain = f"{forged}, {address}" if forged else address
    return client.post(
        reverse("accounts:login"),
        {"username": "regisseur", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=chain,
    )


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_forged_forwarded_chain_locks_only_the_real_client(client, regisseur):
    for n in range(5):  # the attacker writes another address in front each time
        _login_from(client, "198.51.100.7", "fout", forged=f"203.0.113.{n}")
    still = _login_from(client.__class__(), "198.51.100.7", forged="203.0.113.99")
    assert still.status_code == 429
    # The user at another address, behind the same proxy, logs in; so does one at the
    # address the attacker wrote in front.
    for address in ("192.0.2.10", "203.0.113.1"):
        assert _login_from(client.__class__(), address).status_code == 302


def test_without_trusted_proxies_the_forwarded_header_is_ignored(client, regisseur):
    for _ in range(5):
        _login_from(client, "198.51.100.7", "fout")
    assert _login_from(client.__class__(), "192.0.2.10").status_code == 429  # same REMOTE_ADDR


def test_attempts_refused_while_waiting_do_not_extend_the_wait(client, regisseur):
    from axes.models import AccessAttempt
    from freezegun import freeze_time

    with freeze_time("2026-03-02 09:00:00") as clock:
        for _ in range(5):
            _login(client, "regisseur", "fout")
        clock.tick(30)
        assert _login(client, "regisseur", "fout").status_code == 429
        assert _login(client, "regisseur").status_code == 429
        assert AccessAttempt.objects.get().failures_since_start == 5
        clock.tick(31)  # one minute after the fifth failure, not after the refused tries
        assert _login(client, "regisseur").status_code == 302
    assert not AccessAttempt.objects.exists()  # a success forgets the failures


def test_each_further_failure_doubles_the_wait(client, regisseur):
    from freezegun import freeze_time

    with freeze_time("2026-03-02 09:00:00") as clock:
        for _ in range(5):
            _login(client, "regisseur", "fout")
        clock.tick(61)
        assert _login(client, "regisseur", "fout").status_code == 429  # the sixth: 2 minutes
        clock.tick(119)
        assert _login(client, "regisseur").status_code == 429
        clock.tick(2)
        assert _login(client, "regisseur").status_code == 302


def test_login_delay_grows_and_is_capped(settings):
    from datetime import timedelta

    from weerbaar.accounts.lockout import login_delay

    settings.LOGIN_MAX_DELAY_MINUTES = 15
    waits = [login_delay(failures=n, limit=5) for n in (4, 5, 6, 7, 9, 10, 10**6)]
    assert waits == [timedelta(0)] + [timedelta(minutes=m) for m in (1, 2, 4, 15, 15, 15)]
