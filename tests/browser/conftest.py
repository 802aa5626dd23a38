"""Browser tests: Playwright driving Debian's chromium against a live test server."""

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class OneRequestAtATime(WSGIServer):
    """The live server, answering one request at a time: with the in-memory test database
    the server shares the test's one SQLite connection, and two requests using it at once
    fail with "database table is locked"."""

    request_queue_size = 64  # the browser's parallel connections wait instead of failing

    def __init__(self, *args, connections_override=None, **kwargs):
        # The server's own thread already uses the shared connections (LiveServerThread.run).
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = OneRequestAtATime


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # test itself (fixtures, assertions) are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # CSP is tested on every route elsewhere; bypassing it here only lets axe be injected.
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    page = context.new_page()
    page.foreign_requests = []
    own_host = urlparse(live_server.url).netloc

    def _record(request):
        host = urlparse(request.url).netloc
        if host and host != own_host:
            page.foreign_requests.append(request.url)

    page.on("request", _record)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


# The password of every persona the factories make (tests/factories.py).
PASSWORD = "geheim-wachtwoord-123"


def sign_in(page, live_server, username: str) -> None:
    """Sign in on the login page as ``username`` and wait for the start page."""
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Welkom").wait_for()


def axe_clean(page, name: str) -> None:
    """No axe-core violation on the current page; its screenshot for the artifacts."""
    assert axe_violations(page) == [], name
    page.screenshot(path=f"test-artifacts/{name}.png", full_page=True)


@pytest.fixture(autouse=True)
def _audit_triggers_around_flush(transactional_db):
    """Live-server tests empty every table afterwards, and the audit trail refuses DELETE.

    Keep the append-only triggers during the test and lift them only for that flush.
    """
    import importlib

    from django.db import connection

    base = importlib.import_module("weerbaar.audit.migrations.0002_append_only")
    tombstones = importlib.import_module("weerbaar.audit.migrations.0007_tombstones")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for sql in base.SQLITE + tombstones.SQLITE:
                cursor.execute(sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS"))
    yield
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for sql in tombstones.UNDO["sqlite"] + base.UNDO["sqlite"]:
                cursor.execute(sql)
