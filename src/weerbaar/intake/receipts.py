"""Receipt codes and secrets for anonymous reporters.

The code (16 digits) finds the report; the secret (160 random bits) proves the reporter. The
secret is stored only as an argon2id hash at OWASP's minimum parameters (19 MiB, t=2, p=1),
so a copy of the database does not open anyone's dialogue.
"""

import base64
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from django.utils.crypto import salted_hmac

HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, type=Type.ID)
# Checked against when a code does not exist, so a wrong code costs as long as a wrong secret.
_DUMMY_HASH = HASHER.hash("no such report")


def new_code() -> str:
    return f"{secrets.randbelow(10**16):016d}"


def _format_secret(raw: bytes) -> str:
    text = base64.b32encode(raw[:20]).decode()
    return "-".join(text[i : i + 4] for i in range(0, 32, 4))


def new_secret() -> str:
    return _format_secret(secrets.token_bytes(20))


def secret_for(*, key: str, salt: bytes) -> str:
    """The secret of a report sent with idempotency key ``key``: the same for a retry.

    Derived from the key (which only the reporter's browser or client holds), a random salt
    kept for the retry window, and the server's SECRET_KEY; 160 bits, as ``new_secret``.
    """
    return _format_secret(
        salted_hmac("intake.receipt-secret", salt + key.encode(), algorithm="sha256").digest()
    )


def normalize_code(typed: str) -> str:
    return "".join(ch for ch in typed or "" if ch.isdigit())


def normalize_secret(typed: str) -> str:
    raw = "".join(ch for ch in (typed or "").upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def format_code(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def hash_secret(secret: str) -> str:
    return HASHER.hash(normalize_secret(secret))


def secret_matches(stored_hash: str | None, typed: str) -> bool:
    try:
        return HASHER.verify(stored_hash or _DUMMY_HASH, normalize_secret(typed)) and bool(
            stored_hash
        )
    except (VerificationError, InvalidHashError):
        return False
