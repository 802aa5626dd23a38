"""T5: security headers on every route, for anonymous and signed-in users."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.authorization_table import OBJECT_PARAMS
from tests.test_authorization import routes

PUBLIC_REPORTING = {
    "intake:report",
    "intake:follow_up",
    "intake:follow_up_sent",
    "intake:address_suggestions",
}


def _check(response, *, signed_in, name=""):
    csp = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    expected = "no-referrer" if name in PUBLIC_REPORTING else "same-origin"
    assert response["Referrer-Policy"] == expected
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    if signed_in:
        assert response["Cache-Control"] == "no-store"


UUID_KWARGS = OBJECT_PARAMS


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "regisseur"])
def test_headers_on_every_route(who, request):
    client = Client()
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for (name, _params), kwargs in routes().items():
        kwargs = {
            k: ("00000000-0000-4000-8000-000000000000" if k in UUID_KWARGS else v)
            for k, v in kwargs.items()
        }
        response = client.get(reverse(name, kwargs=kwargs))
        if response.status_code in (301, 302) and who == "anonymous":
            continue
        _check(response, signed_in=who != "anonymous", name=name)


def test_pages_reference_only_own_static_files(client, regisseur):
    client.force_login(regisseur)
    html = client.get(reverse("home")).content.decode()
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "<script>" not in html and " style=" not in html and "onclick" not in html


@pytest.mark.django_db
def test_production_settings_refuse_to_start_without_secret(monkeypatch):
    import subprocess
    import sys

    env = {"WEERBAAR_ENV": "production", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='weerbaar.settings'; django.setup()",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "SECRET_KEY must be set in production" in result.stderr


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    import subprocess
    import sys

    env = {
        "WEERBAAR_ENV": "production",
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-for-the-check-only",
        "BSN_HMAC_KEY": "k" * 40,
        "AUDIT_ANCHOR_KEY": "a" * 40,
        "FIELD_ENCRYPTION_KEYS": "b" * 44,
        "ALLOWED_HOSTS": "weerbaar.example.nl",
        "WEERBAAR_DATA_DIR": str(tmp_path),
        "CACHE_URL": "redis://127.0.0.1:6379/15",
    }
    result = subprocess.run(
        [sys.executable, "-m", "weerbaar", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dutch_whatever_the_browser_asks_until_english_is_chosen(client, regisseur):
    client.force_login(regisseur)
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Uitloggen" in page.content.decode() and page["Content-Language"] == "nl"
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("home"))
    assert "Log out" in page.content.decode() and page["Content-Language"] == "en"
