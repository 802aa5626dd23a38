"""The endpoint browsers send Content-Security-Policy violations to (SECURITY.md P35).

A report says which rule a page broke: a sign of an injected script or of a page of ours that
needs fixing. Anyone can send one, so the body is capped, the flow is capped per minute, and
only what tells the rule apart is logged: the directive, the blocked resource's origin (or
``inline``/``eval``) and the page's path. Never a query string, a full URL, a script sample
or anything about the sender.
"""

import json
import logging
from urllib.parse import urlsplit

from django.core.cache import cache
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger("weerbaar.csp")
MAX_BYTES = 8 * 1024
PER_MINUTE = 60
_KEYWORDS = {"inline", "eval", "self", "data", "blob", "wasm-eval", "trusted-types-policy"}


def _origin(uri: str) -> str:
    uri = str(uri or "")[:500]
    if uri in _KEYWORDS:
        return uri
    parts = urlsplit(uri)
    if parts.scheme in ("http", "https") and parts.hostname:
        return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return parts.scheme or "other"


def _violations(payload) -> list[dict]:
    """The reports in a body of either format: ``report-uri`` (one ``csp-report``) or the
    Reporting API (a list of reports with a ``body``)."""
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        report = payload["csp-report"]
        return [
            {
                "directive": report.get("effective-directive") or report.get("violated-directive"),
                "blocked": report.get("blocked-uri"),
                "page": report.get("document-uri"),
            }
        ]
    if isinstance(payload, list):
        return [
            {
                "directive": r["body"].get("effectiveDirective"),
                "blocked": r["body"].get("blockedURL"),
                "page": r["body"].get("documentURL"),
            }
            for r in payload[:10]
            if isinstance(r, dict) and isinstance(r.get("body"), dict)
        ]
    return []


def _within_flow() -> bool:
    cache.add("csp:reports", 0, timeout=60)
    try:
        return cache.incr("csp:reports") <= PER_MINUTE
    except ValueError:
        return True


@csrf_exempt
@require_POST
def csp_report(request):
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BYTES:
        return HttpResponse(status=413)
    try:
        payload = json.loads(request.read(MAX_BYTES + 1)[:MAX_BYTES] or b"null")
    except (ValueError, RecursionError):
        return HttpResponse(status=400)
    if _within_flow():
        for item in _violations(payload):
            logger.warning(
                "csp violation directive=%s blocked=%s page=%s",
                str(item["directive"] or "?")[:60],
                _origin(item["blocked"]),
                urlsplit(str(item["page"] or ""))[2][:200] or "?",
            )
    return HttpResponse(status=204)
