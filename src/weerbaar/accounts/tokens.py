"""API keys: how a key looks, and the keyed hashes under which it is stored and checked.

A key is ``<prefix>.<secret>``. Only the prefix (to find the row) and an HMAC-SHA-256 of the
whole key are stored; the HMAC key derives from SECRET_KEY, so a copy of the database alone
cannot be used to call the API. Keys made under a key in SECRET_KEY_FALLBACKS keep working
while that key is listed, as Django's sessions do.
"""

import secrets

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

KEY_SALT = "weerbaar.accounts.api-token"
MARK_SALT = "weerbaar.accounts.api-token.mark"  # binds a key to a password hash


def new_key() -> tuple[str, str]:
    """A fresh (prefix, key); the key is shown to its owner once and never stored."""
    prefix = secrets.token_hex(6)
    return prefix, f"{prefix}.{secrets.token_urlsafe(32)}"


def split_key(key: str) -> str | None:
    """The prefix of a well-formed key, else None."""
    prefix, dot, secret = key.partition(".")
    if not dot or len(prefix) != 12 or not secret:
        return None
    return prefix


def _hmac(salt: str, value: str, secret: str) -> str:
    return salted_hmac(salt, value, secret=secret, algorithm="sha256").hexdigest()


def key_hash(key: str) -> str:
    return _hmac(KEY_SALT, key, settings.SECRET_KEY)


def password_mark(user) -> str:
    """Changes whenever the user's password changes, by whatever path."""
    return _hmac(MARK_SALT, user.password, settings.SECRET_KEY)


def _matches(salt: str, value: str, stored: str) -> bool:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(constant_time_compare(_hmac(salt, value, k), stored) for k in keys)


def key_matches(key: str, stored: str) -> bool:
    return _matches(KEY_SALT, key, stored)


def password_unchanged(user, stored: str) -> bool:
    return _matches(MARK_SALT, user.password, stored)
