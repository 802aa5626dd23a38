"""A shielded reporter's identity, sealed (SECURITY.md P20c, P36): the report keeps no link
to the account in the clear. The account's id and the team the reporter gave are encrypted
in ``Report.reporter_sealed``; a keyed hash of the account (``reporter_key``) lets the
reporter find their own reports and answer on them, and lets nobody read who it is from the
database. Only the four-eyes reveal opens the seal for a person (``selectors.reporter_label``).
"""

import json

from django.contrib.auth import get_user_model
from django.db.models import Q

from weerbaar.core.crypto import lookup_key

CONTEXT = "intake.report.reporter"


def key_of(user) -> str:
    return lookup_key(str(user.uuid), context=CONTEXT)


def seal(user, team: str) -> dict:
    """The fields of a report whose reporter ``user`` (of ``team``) is shielded."""
    return {
        "reporter": None,
        "reporter_team": "",
        "reporter_sealed": json.dumps({"user": str(user.uuid), "team": team}),
        "reporter_key": key_of(user),
    }


def reports_of(user) -> Q:
    """The condition on reports that ``user`` made, shielded or not."""
    return Q(reporter=user) | Q(reporter_key=key_of(user))


def has_reporter() -> Q:
    """Reports with a staff or partner reporter we can answer in the application."""
    return Q(reporter__isnull=False) | ~Q(reporter_key="")


def is_reporter(report, user) -> bool:
    if report.reporter_id is not None:
        return report.reporter_id == user.pk
    return bool(report.reporter_key) and report.reporter_key == key_of(user)


def opened(report):
    """(account, team) of the reporter; the seal opened for a shielded one. Call it only
    where the reveal allows the name to be shown."""
    if not report.reporter_sealed:
        return report.reporter, report.reporter_team
    data = json.loads(report.reporter_sealed)
    user = get_user_model().objects.filter(uuid=data["user"]).first()
    return user, data.get("team", "")
