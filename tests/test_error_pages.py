"""Own Dutch error pages in the base layout (#14); a hidden object still answers exactly like a
missing one."""

import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_person

pytestmark = pytest.mark.django_db
MISSING = "00000000-0000-4000-8000-000000000000"


def test_not_found_is_dutch_in_the_layout_and_the_same_for_hidden_and_missing(
    client, medewerker, other_team
):
    hidden = make_person("Canary Zzyzx", owner_team=other_team)
    client.force_login(medewerker)
    missing = client.get(reverse("subjects:detail", args=[MISSING]))
    refused = client.get(reverse("subjects:detail", args=[hidden.uuid]))
    assert missing.status_code == refused.status_code == 404
    assert missing.content == refused.content
    page = missing.content.decode()
    assert "Pagina niet gevonden" in page and "Naar de startpagina" in page
    assert 'class="site-header"' in page  # the base layout
    assert "URLconf" not in page and "Not Found" not in page and MISSING not in page


def test_server_error_is_dutch_and_tells_nothing_technical(medewerker, settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.force_login(medewerker)
    from django.urls import path

    from weerbaar import urls

    def broken(request):
        raise RuntimeError("geheime details")

    urls.urlpatterns.append(path("kapot-voor-test/", broken))
    try:
        response = client.get("/kapot-voor-test/")
    finally:
        urls.urlpatterns.pop()
    assert response.status_code == 500
    page = response.content.decode()
    assert "Er ging iets mis" in page and "geheime details" not in page
    assert "Traceback" not in page


def test_bare_page_when_the_layout_cannot_render(rf, monkeypatch):
    from weerbaar import views

    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(views, "render", fail)
    response = views.server_error(rf.get("/"))
    assert response.status_code == 500 and b"Er ging iets mis" in response.content


def test_a_stale_form_gets_the_dutch_page(medewerker):
    client = Client(enforce_csrf_checks=True)
    client.force_login(medewerker)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 403
    assert "De pagina was verouderd" in response.content.decode()


def test_the_demo_runs_without_debug(tmp_path):
    probe = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    env = {
        "WEERBAAR_ENV": "demo",
        "WEERBAAR_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "weerbaar.settings",
    }
    env.pop("DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={k: v for k, v in {**os.environ, **env}.items() if k != "DEBUG"},
        capture_output=True,
        text=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr
