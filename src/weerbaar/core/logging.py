"""Logging filters that keep personal data out of application logs (SECURITY.md, P32)."""

import logging
import time


class DropRequestFilter(logging.Filter):
    """Remove the request object Django attaches to error records.

    Handlers and formatters must never be able to print client addresses, user agents or
    referrers; the message itself (method and path) is kept.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        return True


class UTCFormatter(logging.Formatter):
    """Log times in UTC, with the zone spelled out, whatever the server's time zone."""

    converter = time.gmtime

    def formatTime(self, record, datefmt=None):  # noqa: N802 - logging's own name
        return super().formatTime(record, datefmt or "%Y-%m-%dT%H:%M:%SZ")
