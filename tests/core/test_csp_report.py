"""Browsers report Content-Security-Policy violations to our own endpoint (#12, P35)."""

import json
import logging

import pytest
from django.core.cache import cache
from django.urls import reverse

from weerbaar.core import csp_report

pytestmark = pytest.mark.django_db
REPORT = {
    "csp-report": {
        "document-uri": "https://weerbaar.example/signalen/3f0c/?q=Jansen",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example:8443/x.js?session=abc",
        "script-sample": "alert('Piet Jansen')",
    }
}


@pytest.fixture(autouse=True)
def _fresh_flow():
    cache.delete("csp:reports")


def _send(client, body, content_type="application/csp-report"):
    return client.post(reverse("csp_report"), data=body, content_type=content_type)


def test_the_policy_names_the_endpoint(client):
    policy = client.get(reverse("accounts:login"))["Content-Security-Policy"]
    assert "report-uri /csp-rapport/" in policy


def test_a_violation_is_logged_without_query_sample_or_sender(client, caplog):
    with caplog.at_level(logging.WARNING, logger="weerbaar.csp"):
        response = _send(client, json.dumps(REPORT))
    assert response.status_code == 204
    (line,) = [r.getMessage() for r in caplog.records if r.name == "weerbaar.csp"]
    assert line == (
        "csp violation directive=script-src-elem blocked=https://evil.example:8443 "
        "page=/signalen/3f0c/"
    )
    assert "Jansen" not in line and "session" not in line and "127.0.0.1" not in line


def test_reporting_api_format_and_inline_keyword(client, caplog):
    body = [{"type": "csp-violation", "body": {"effectiveDirective": "style-src-attr", "blockedURL": "inline", "documentURL": "https://w.example/casussen/"}}]  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="weerbaar.csp"):
        assert _send(client, json.dumps(body), "application/reports+json").status_code == 204
    assert "directive=style-src-attr blocked=inline page=/casussen/" in caplog.text


def test_large_broken_or_flooding_reports_are_refused_or_dropped(client, caplog):
    assert _send(client, "x" * (csp_report.MAX_BYTES + 1)).status_code == 413
    assert _send(client, "{not json").status_code == 400
    assert _send(client, "[" * 4000 + "]" * 4000).status_code in (204, 400)
    assert client.get(reverse("csp_report")).status_code == 405
    with caplog.at_level(logging.WARNING, logger="weerbaar.csp"):
        for _ in range(csp_report.PER_MINUTE + 20):
            assert _send(client, json.dumps(REPORT)).status_code == 204
    assert len([r for r in caplog.records if r.name == "weerbaar.csp"]) == csp_report.PER_MINUTE
