"""The deadline calendar (iCalendar, RFC 5545) of one user, behind their personal link.

The events are the deadlines the overview shows the user (their own and their teams'), each
an all-day event on its due day, named by the case number and the kind of deadline: no name
of a person or address, since a calendar leaves the application. The file is written here by
hand: CRLF line ends, lines folded at 75 octets, text values escaped.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.services import calendar_fetched, calendar_token_user
from weerbaar.interventions.selectors import deadline_overview

PRODID = "-//Weerbaar//Termijnen//NL"
LIMIT = 75  # octets per line, the CRLF not counted


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into pieces of at most 75 octets, never inside a character;
    each further piece starts with a space (RFC 5545 3.1)."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = LIMIT if not pieces else LIMIT - 1  # a continuation's leading space counts
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(deadline, *, base: str, stamp: str) -> list[str]:
    case = deadline.intervention.case
    summary = f"{case.reference}: {deadline.get_kind_display()}"
    if getattr(deadline, "overdue", False):
        summary = f"{summary} ({translation.gettext('overdue')})"
    url = base + reverse("interventions:detail", args=[deadline.intervention.uuid])
    return [
        "BEGIN:VEVENT",
        f"UID:deadline-{deadline.pk}-{deadline.kind}@weerbaar",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{deadline.due_on:%Y%m%d}",
        f"DTEND;VALUE=DATE:{deadline.due_on + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(deadline.intervention.instrument.name)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def deadlines_for(user) -> list:
    """The user's open deadlines and their teams' (the overview's two views), once each."""
    seen, rows = set(), []
    for scope in ("mine", "team"):
        for deadline in deadline_overview(user=user, scope=scope, window="all"):
            if deadline.pk not in seen:
                seen.add(deadline.pk)
                rows.append(deadline)
    return sorted(rows, key=lambda d: (d.due_on, d.pk))


def calendar_text(deadlines, *, base: str) -> str:
    """The whole calendar as text with CRLF line ends."""
    stamp = _stamp(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(translation.gettext('Deadlines'))} Weerbaar",
    ]
    for deadline in deadlines:
        lines.extend(_event(deadline, base=base, stamp=stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


@require_http_methods(["GET"])
def deadline_feed(request, token: str):
    """The calendar of the link's owner; an unknown, revoked or deactivated link answers 404
    like any missing page."""
    user = calendar_token_user(token)
    if user is None:
        raise Http404
    with translation.override(settings.LANGUAGE_CODE):
        deadlines = deadlines_for(user)
        body = calendar_text(deadlines, base=request.build_absolute_uri("/").rstrip("/"))
    calendar_fetched(user=user, request=request, count=len(deadlines))
    response = HttpResponse(body.encode(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="termijnen.ics"'
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
