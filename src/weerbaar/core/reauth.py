"""Re-authentication before a high-impact read (SECURITY.md P29): exporting a list, revealing
a shielded reporter. A user who confirmed their identity in this session within the last
``REAUTH_SECONDS`` may go on; the confirmation itself (password or code, audited) is the
accounts app's. This module only keeps and reads the moment, so every app can ask."""

import time

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

SESSION_KEY = "weerbaar_reauth_at"


def recent(request) -> bool:
    moment = request.session.get(SESSION_KEY)
    return isinstance(moment, (int, float)) and 0 <= time.time() - moment <= settings.REAUTH_SECONDS


def mark(request) -> None:
    request.session[SESSION_KEY] = time.time()


def ask(request, next_url: str | None = None):
    """Send the user to confirm who they are, and back to ``next_url`` (this page) after."""
    target = next_url or request.get_full_path()
    return redirect(f"{reverse('accounts:reauth')}?{urlencode({'next': target})}")
