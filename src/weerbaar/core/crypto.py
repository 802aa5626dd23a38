"""Field encryption of the compartments (SECURITY.md P36): AES-256-GCM under keys held
outside the database (``FIELD_ENCRYPTION_KEYS``, or its ``_FILE``: secrets separated by
white space, the current one first; the older ones only decrypt).

A value is stored as ``wbenc1:<key id>:<base64 of nonce and ciphertext>``. The column it
belongs to is the associated data, so a ciphertext copied into another column (or another
table) does not decrypt. A value without the prefix is plain text from before the column
was encrypted: it is read as it is until ``weerbaar encryption rotate`` encrypts it.
``rotate`` re-encrypts every value under the current key, so an old key can then go.
"""

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "wbenc1:"
NONCE_BYTES = 12


class DecryptionError(Exception):
    """A value that no configured key opens: a lost key, or a value moved or changed."""


def _key(secret: str) -> tuple[str, bytes]:
    # Any high-entropy secret becomes a 256-bit key; its id names it without revealing it.
    key = hashlib.sha256(secret.encode()).digest()
    return hashlib.sha256(b"weerbaar-key-id" + key).hexdigest()[:8], key


def keys() -> list[tuple[str, bytes]]:
    """(id, key) of every configured key, the current one first."""
    secrets = settings.FIELD_ENCRYPTION_KEYS
    if not secrets:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS holds no key.")
    return [_key(secret) for secret in secrets]


def current_id() -> str:
    return keys()[0][0]


def encrypt(plain: str, *, context: str) -> str:
    key_id, key = keys()[0]
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, plain.encode(), context.encode())
    return f"{PREFIX}{key_id}:{base64.b64encode(nonce + sealed).decode()}"


def is_encrypted(value: str) -> bool:
    return value.startswith(PREFIX)


def key_id_of(value: str) -> str:
    return value[len(PREFIX) :].split(":", 1)[0] if is_encrypted(value) else ""


def decrypt(value: str, *, context: str) -> str:
    if not is_encrypted(value):
        return value
    key_id, _sep, body = value[len(PREFIX) :].partition(":")
    key = dict(keys()).get(key_id)
    if key is None:
        raise DecryptionError(f"no configured key {key_id} for {context}")
    raw = base64.b64decode(body)
    try:
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode()).decode()
    except InvalidTag as exc:
        raise DecryptionError(f"value of {context} does not open") from exc


def lookup_key(value: str, *, context: str) -> str:
    """A keyed hash to find rows by a sealed value without opening it (a shielded reporter's
    own reports). It uses the stable ``BSN_HMAC_KEY``, not the rotating encryption keys, so
    a rotation leaves it valid; ``context`` keeps the hashes of different uses apart."""
    message = f"{context}:{value}".encode()
    return hmac.new(settings.BSN_HMAC_KEY.encode(), message, hashlib.sha256).hexdigest()


def masked(plain: str) -> str:
    """What the audit trail records of an encrypted value: that it is there, not what."""
    return f"[encrypted, {len(plain)} characters]" if plain else ""


def reencrypt_column(connection, table: str, column: str, context: str, *, plain=False) -> int:
    """Bring every value of ``table.column`` under the current key (a plain one encrypted,
    an older key's re-encrypted), or with ``plain`` back to plain text (a migration undone);
    returns how many values changed. Raw SQL: the model's field would decrypt on the way."""
    current = current_id()
    quote = connection.ops.quote_name
    changed = 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {quote(column)} FROM {quote(table)} "  # noqa: S608
            f"WHERE {quote(column)} IS NOT NULL AND {quote(column)} <> ''"
        )
        rows = cursor.fetchall()
        for pk, value in rows:
            if plain:
                new = decrypt(value, context=context)
            elif key_id_of(value) == current:
                continue
            else:
                new = encrypt(decrypt(value, context=context), context=context)
            if new != value:
                cursor.execute(
                    f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE id = %s",  # noqa: S608
                    [new, pk],
                )
                changed += 1
    return changed
