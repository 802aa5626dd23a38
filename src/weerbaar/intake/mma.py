"""Meld Misdaad Anoniem reports arrive as e-mail; this reads one, from a .eml file or pasted.

MMA mails carry a report number ("Meldingnummer", "Referentie" or "MMA-nummer") and the
date of the report; the text is the body. Input is capped in size and parts before parsing.
"""

import email
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from email import policy
from email.utils import parsedate_to_datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_BYTES = 1_000_000
MAX_PARTS = 20
_REFERENCE = re.compile(
    r"(?:meldingnummer|meldingsnummer|referentie|mma[- ]?nummer|kenmerk)"
    r"\s*[:#]?\s*([A-Z0-9][A-Z0-9\-/]{3,30})",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"(?:datum(?: melding)?|ontvangen op)\s*:?\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", re.I
)


@dataclass
class MMAReport:
    reference: str
    received_on: date
    text: str


def _body(message) -> str:
    if not message.is_multipart():
        return message.get_content() if message.get_content_type().startswith("text/") else ""
    parts = list(message.walk())
    if len(parts) > MAX_PARTS:
        raise ValidationError(_("This e-mail has too many parts to be an MMA report."))
    plain = message.get_body(preferencelist=("plain",))
    return plain.get_content() if plain is not None else ""


def _date(text: str, message=None) -> date:
    """The report's date from the text, else the e-mail's Date header, else today."""
    found = _DATE.search(text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        with suppress(ValueError):  # an impossible date in the text: try the header
            return date(year, month, day)
    if message is not None and message.get("Date"):
        with suppress(TypeError, ValueError):
            return timezone.localdate(parsedate_to_datetime(str(message["Date"])))
    return timezone.localdate()


def _report(text: str, message=None) -> MMAReport:
    text = text.strip()
    subject = str(message.get("Subject", "")) if message is not None else ""
    found = _REFERENCE.search(f"{subject}\n{text}")
    if not found:
        raise ValidationError(_("No MMA report number found. Check that this is an MMA e-mail."))
    if len(text) < 20:
        raise ValidationError(_("This e-mail contains no report text."))
    return MMAReport(found.group(1).upper(), _date(text, message), text)


def parse_eml(raw: bytes) -> MMAReport:
    if len(raw) > MAX_BYTES:
        raise ValidationError(_("The file is too large for an MMA e-mail (at most 1 MB)."))
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
        body = _body(message)
    except (ValueError, LookupError, UnicodeError, TypeError) as exc:
        raise ValidationError(_("This file cannot be read as an e-mail (.eml).")) from exc
    if not message.keys():
        raise ValidationError(_("This file cannot be read as an e-mail (.eml)."))
    return _report(body, message)


def parse_text(text: str) -> MMAReport:
    if len(text.encode()) > MAX_BYTES:
        raise ValidationError(_("The text is too long for an MMA report."))
    return _report(text)
