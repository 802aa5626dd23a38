"""The address of the client behind the configured number of trusted reverse proxies.

Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
the client is the entry ``TRUSTED_PROXY_COUNT`` places from the right; everything further left
was written by the client and can be forged (django-axes #224). Without trusted proxies the
header is ignored. Used for staff logins only: public reporters' addresses are never read.
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address as the nearest trusted proxy saw it, else REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    chain = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part]
    if hops > 0 and len(chain) >= hops:
        # A shorter chain did not pass all trusted proxies: believe none of it.
        found = _valid(chain[-hops])
        if found:
            return found
    return _valid(remote) or remote or None
