"""The daily deadline digest: each owner gets one e-mail with their deadlines."""

from itertools import groupby

from django.core.mail import EmailMessage
from django.utils import formats, timezone

from weerbaar.interventions.selectors import digest_rows


def _line(deadline) -> str:
    late = " (VERLOPEN)" if deadline.due_on < timezone.localdate() else ""
    return (
        f"- {formats.date_format(deadline.due_on, 'D j-n-Y')}{late}: "
        f"{deadline.get_kind_display()} — {deadline.intervention.instrument.name}, "
        f"casus {deadline.intervention.case.title}"
    )


def send_digest(*, days: int = 7, base_url: str = "") -> tuple[int, int]:
    """Mail every owner with open deadlines; returns (mails sent, deadlines listed)."""
    sent = listed = 0
    for owner, rows in groupby(digest_rows(days=days), key=lambda d: d.owner):
        rows = list(rows)
        if not owner.is_active or not owner.email:
            continue
        body = "\n".join(
            [
                "Goedemorgen,",
                "",
                f"Deze termijnen lopen binnen {days} dagen af of zijn verlopen:",
                "",
                *[_line(d) for d in rows],
                "",
                f"Het overzicht: {base_url}/interventies/termijnen/",
            ]
        )
        EmailMessage(
            subject=f"Termijnen: {len(rows)} binnen {days} dagen of verlopen",
            body=body,
            to=[owner.email],
        ).send()
        sent += 1
        listed += len(rows)
    return sent, listed
