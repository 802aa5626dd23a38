"""Burgerservicenummer: validation by the 11-proef and a keyed hash for storage.

A BSN is never stored in clear. The HMAC key lives outside the database
(``BSN_HMAC_KEY``), so a stolen database alone cannot be matched against a list of numbers.
"""

import hashlib
import hmac
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def passes_elfproef(bsn: str) -> bool:
    if not re.fullmatch(r"[0-9]{9}", bsn) or bsn == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(bsn, weights, strict=True)) % 11 == 0


def normalize_bsn(value: str) -> str:
    """Return the nine-digit BSN, padding an eight-digit one with a leading zero."""
    candidate = re.sub(r"[\s.\-]", "", value or "")
    if re.fullmatch(r"[0-9]{8}", candidate):
        candidate = "0" + candidate
    if not passes_elfproef(candidate):
        raise ValidationError(
            _("This is not a valid citizen service number: it fails the eleven test."),
            code="bsn",
        )
    return candidate


def bsn_hash(bsn: str) -> str:
    """Keyed SHA-256 of a valid BSN; the same number always gives the same hash."""
    digest = hmac.new(settings.BSN_HMAC_KEY.encode(), normalize_bsn(bsn).encode(), hashlib.sha256)
    return digest.hexdigest()


def hmac_pads() -> tuple[bytes, bytes]:
    """The inner and outer pads of the BSN key, so a database engine can compute
    ``bsn_hash`` in bulk as HMAC-SHA256 = H((K ^ opad) || H((K ^ ipad) || m)). Pass them as
    statement parameters, never in the statement's text (an error message may quote it)."""
    key = settings.BSN_HMAC_KEY.encode()
    if len(key) > 64:  # the SHA-256 block size
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)
