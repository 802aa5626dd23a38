"""A public report retried with the same idempotency key makes one signal, not two.

The form carries a random key set when it is rendered; API clients send an
``Idempotency-Key`` header. For ``RETRY_WINDOW`` the shared cache holds, under a keyed hash of
the key, a fingerprint of the report's content, the receipt code and a random salt. The
secret is not kept: ``receipts.secret_for`` derives it again from the key and the salt, so
only the client that holds the key sees it a second time (SECURITY.md P3; see
docs/reporting-point.md).
"""

import hashlib
import json
import secrets
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from weerbaar.intake import receipts

RETRY_WINDOW = 3600
WAIT_FOR_FIRST = 5.0  # seconds a retry waits for the first attempt still being handled
_PENDING = "pending"


class InProgress(Exception):
    """The first attempt with this key is still being handled."""


class Conflict(Exception):
    """This key was used for a report with other content."""


@dataclass
class Earlier:
    code: str
    secret: str


def fingerprint(fields: dict, attachments: list | None = None) -> str:
    """A hash of what was reported, so a key reused for other content is noticed."""
    plain = {name: str(getattr(value, "pk", value)) for name, value in fields.items()}
    plain["attachments"] = [hashlib.sha256(f.data).hexdigest() for f in attachments or []]
    return hashlib.sha256(json.dumps(plain, sort_keys=True).encode()).hexdigest()


def _lookup(key: str) -> str:
    return "intake:idem:" + salted_hmac("intake.idempotency", key, algorithm="sha256").hexdigest()


def claim(*, key: str, content: str) -> Earlier | None:
    """The earlier answer for this key, or None after reserving the key for this attempt."""
    deadline = time.monotonic() + WAIT_FOR_FIRST
    while not cache.add(_lookup(key), _PENDING, timeout=RETRY_WINDOW):
        found = cache.get(_lookup(key))
        if isinstance(found, dict):
            if found["content"] != content:
                raise Conflict
            return Earlier(found["code"], receipts.secret_for(key=key, salt=found["salt"]))
        if time.monotonic() > deadline:
            raise InProgress
        time.sleep(0.1)  # a double click: the first one is still being stored
    return None


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def remember(*, key: str, content: str, code: str, salt: bytes) -> None:
    value = {"content": content, "code": code, "salt": salt}
    cache.set(_lookup(key), value, timeout=RETRY_WINDOW)


def first_use(*, scope: str, key: str) -> bool:
    """True the first time ``key`` is used within ``scope`` in the retry window."""
    return cache.add(_lookup(f"{scope}:{key}"), 1, timeout=RETRY_WINDOW)


def release(*, key: str) -> None:
    """The attempt did not make a report: a retry may try again."""
    cache.delete(_lookup(key))
