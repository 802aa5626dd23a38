"""T4: after a public report and a follow-up, nothing about the reporter's connection is
anywhere: not in any table, not in any log record, not in any e-mail."""

import logging
import re
import uuid

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _dump_database() -> str:
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            parts.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(parts)


def test_no_trace_of_the_reporter(client, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    # Loggers that do not propagate to the root get the capturing handler themselves.
    for name in ("django.request", "django.security", "django.server", "axes"):
        logging.getLogger(name).addHandler(caplog.handler)
    # Let the 404 below be logged too, so the scan sees what Django puts in a record.
    request_logger = logging.getLogger("django.request")
    old_level = request_logger.level
    request_logger.setLevel(logging.DEBUG)
    canary = uuid.uuid4().hex[:12]
    headers = {
        "REMOTE_ADDR": "198.51.100.77",
        "HTTP_X_FORWARDED_FOR": "203.0.113.9",
        "HTTP_USER_AGENT": f"CanaryUA-{canary}",
        "HTTP_REFERER": f"https://canary-{canary}.example/",
    }
    client.cookies["tracker"] = f"cookie-{canary}"
    page = client.get(reverse("intake:report"), **headers).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        receipt = client.post(
            reverse("intake:report"),
            {
                "description": "Er wordt 's nachts iets uitgeladen bij de loods aan de haven.",
                "contact_email": "melder@example.nl",
                "started": started,
            },
            **headers,
        ).content.decode()
    code = re.search(r'id="receipt-code">([^<]+)<', receipt).group(1)
    secret = re.search(r'id="receipt-secret">([^<]+)<', receipt).group(1)
    client.post(reverse("intake:follow_up"), {"code": code, "secret": secret}, **headers)
    client.post(reverse("intake:follow_up"), {"code": code, "secret": "wrong"}, **headers)
    client.get("/melden/bestaat-niet/", **headers)  # a 404 is logged by Django

    stores = {
        "database": _dump_database(),
        "logs": "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records),
        "mail": "\n".join(f"{m.subject} {m.body} {m.extra_headers}" for m in mail.outbox),
    }
    for store, text in stores.items():
        for value in ("198.51.100.77", "203.0.113.9", canary):
            assert value not in text, f"{value} found in {store}"
    assert "Er wordt 's nachts" in stores["database"], "the dump must contain the report itself"
    assert caplog.records and mail.outbox
    for name in ("django.request", "django.security", "django.server", "axes"):
        logging.getLogger(name).removeHandler(caplog.handler)
    request_logger.setLevel(old_level)
