"""Signed, single-use start tokens for the public form and the public API.

A token says when the form was opened; a report sent sooner than ``INTAKE_MIN_FILL_SECONDS``
later came from a robot. Each token carries a random nonce that is marked used in the shared
cache when a report is taken with it, so one opened form makes one report. Nothing in it
says anything about the client (SECURITY.md P7).
"""

import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

_SIGNER = signing.TimestampSigner(salt="intake.form-started")
MAX_AGE = 24 * 3600


class Expired(Exception):
    """The token is forged, malformed or older than a day."""


class TooFast(Exception):
    """The report came sooner after opening the form than a person can write one."""


def issue() -> str:
    return _SIGNER.sign(f"{int(time.time())}:{secrets.token_urlsafe(16)}")


def check(token: str) -> str:
    """The token's nonce; raises Expired or TooFast."""
    try:
        started, nonce = _SIGNER.unsign(token or "", max_age=MAX_AGE).split(":")
        started = int(started)
    except (signing.BadSignature, ValueError):
        raise Expired from None
    if time.time() - started < settings.INTAKE_MIN_FILL_SECONDS:
        raise TooFast
    return nonce


def use(nonce: str) -> bool:
    """Mark the token used; False when it was used already. Atomic in a shared cache."""
    return cache.add(f"intake:started:{nonce}", 1, timeout=MAX_AGE + 60)


def release(nonce: str) -> None:
    """Make the token usable again: its report was not taken after all."""
    cache.delete(f"intake:started:{nonce}")
