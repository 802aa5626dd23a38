"""The daily deadline digest: each owner gets one e-mail with their deadlines."""

from itertools import groupby

from django.core.mail import EmailMessage
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from weerbaar.interventions.selectors import digest_rows


def _line(deadline) -> str:
    late = _(" (OVERDUE)") if deadline.due_on < timezone.localdate() else ""
    return _("- %(day)s%(late)s: %(kind)s — %(instrument)s, case %(case)s") % {
        "day": formats.date_format(deadline.due_on, "D j-n-Y"),
        "late": late,
        "kind": deadline.get_kind_display(),
        "instrument": deadline.intervention.instrument.name,
        "case": deadline.intervention.case.title,
    }


def _body(rows: list, days: int, base_url: str) -> str:
    intro = _("These deadlines end within %(days)d days or have passed:") % {"days": days}
    overview = _("The overview: %(url)s") % {"url": f"{base_url}/interventies/termijnen/"}
    return "\n".join([_("Good morning,"), "", intro, "", *[_line(d) for d in rows], "", overview])


def _subject(count: int, days: int) -> str:
    return _("Deadlines: %(count)d within %(days)d days or overdue") % {
        "count": count,
        "days": days,
    }


def send_digest(*, days: int = 7, base_url: str = "") -> tuple[int, int]:
    """Mail every owner with open deadlines; returns (mails sent, deadlines listed)."""
    sent = listed = 0
    for owner, rows in groupby(digest_rows(days=days), key=lambda d: d.owner):
        rows = list(rows)
        if not owner.is_active or not owner.email:
            continue
        EmailMessage(
            subject=_subject(len(rows), days), body=_body(rows, days, base_url), to=[owner.email]
        ).send()
        sent += 1
        listed += len(rows)
    return sent, listed
