"""The audit chain's head kept outside the database (SECURITY.md P31): once a day a signed
line is appended to a file in ``AUDIT_ANCHOR_DIR`` (and mailed to the privacy officers when
``AUDIT_ANCHOR_MAIL`` is on). Verify checks the chain against every kept line, so records
removed or rewritten after a line was written are found even when whoever did it also
rewrote the head row; the signature (HMAC-SHA256 under ``AUDIT_ANCHOR_KEY``) makes a line
written by someone else show as forged."""

import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

PREFIX = "weerbaar-audit-anchor"


@dataclass(frozen=True)
class Anchor:
    number: int
    hash: str
    day: str
    signed: bool

    @property
    def forged(self) -> bool:
        """A line of the signed form whose signature does not hold; a line printed by
        ``weerbaar audit anchor`` (no day, no signature) is unsigned, not forged."""
        return bool(self.day) and not self.signed


def _signature(number: int, digest: str, day: str) -> str:
    message = f"{number} {digest} {day}".encode()
    return hmac.new(settings.AUDIT_ANCHOR_KEY.encode(), message, hashlib.sha256).hexdigest()


def line(number: int, digest: str, day: str) -> str:
    return f"{PREFIX} {number} {digest} {day} {_signature(number, digest, day)}"


def parse(text: str) -> Anchor | None:
    """A kept line, with whether its signature holds; None when it is not one. A line of the
    older form (number and hash only, from ``weerbaar audit anchor``) is unsigned."""
    parts = text.split()
    if len(parts) not in (3, 5) or parts[0] != PREFIX or not parts[1].isdigit():
        return None
    number, digest = int(parts[1]), parts[2]
    if len(parts) == 3:
        return Anchor(number, digest, "", False)
    day, signature = parts[3], parts[4]
    signed = hmac.compare_digest(signature.encode(), _signature(number, digest, day).encode())
    return Anchor(number, digest, day, signed)


def _file(day: str) -> Path:
    folder = Path(settings.AUDIT_ANCHOR_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"audit-anchors-{day[:4]}.log"


def write(number: int, digest: str) -> str:
    """Append today's signed head to the year's file (and mail it); returns the line, or ""
    for an empty chain, which has no head to keep."""
    if number == 0:
        return ""
    day = timezone.localdate().isoformat()
    text = line(number, digest, day)
    with _file(day).open("a", encoding="ascii") as out:
        out.write(text + "\n")
    if settings.AUDIT_ANCHOR_MAIL:
        _mail(text)
    return text


def _mail(text: str) -> None:
    to = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name="fg")
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if to:
        # A neutral subject: the line says nothing about anyone.
        send_mail(_("Weerbaar: daily anchor line"), text, None, to)


def kept_files():
    folder = Path(settings.AUDIT_ANCHOR_DIR)
    return iter(sorted(folder.glob("audit-anchors-*.log")) if folder.is_dir() else [])


def kept() -> list[Anchor]:
    """Every line in the anchor folder, oldest first."""
    found = []
    for path in kept_files():
        for text in path.read_text(encoding="ascii", errors="replace").splitlines():
            if anchor := parse(text):
                found.append(anchor)
    return sorted(found, key=lambda a: a.number)
