"""Unusual access in the audit trail, for the FG's weekly report (SECURITY.md P33): the
patterns the Dutch DPA found unread in municipal logs. Each detector reads one week of the
trail and names the users with what they did, never the content of what they read.

- **outside the own team**: many distinct signals, cases or subjects of another team read;
- **own surname**: persons read who share the user's surname (family, neighbours, exes);
- **at night**: many reads between 22:00 and 06:00 in one night;
- **refusals**: a burst of refused accesses within one hour (probing for what one may not
  see);
- **opened with a reason**: every record of another team opened by breaking the glass (P22),
  each to be judged on its own page.
The thresholds are settings (``UNUSUAL_ACCESS``), with the defaults below.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import TeamMembership, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.models import Case
from weerbaar.core.normalize import key, parse_name
from weerbaar.signals.models import Signal
from weerbaar.subjects.models import Person, Subject

DEFAULTS = {
    "outside_team": 25,  # distinct files of other teams read in a week
    "night_reads": 20,  # reads in one night
    "refusals": 10,  # refusals within one hour
    "night_from": 22,
    "night_until": 6,
}
KINDS = {
    "outside_team": _("Many files of other teams read"),
    "surname": _("Persons read who share the user's surname"),
    "night": _("Bulk reading at night"),
    "refusals": _("A burst of refused accesses"),
    "glass": _("Records of other teams opened with a reason"),
}
# The models whose reads count as files, with the trail's name for them.
FILES = {"signals.signal": Signal, "cases.case": Case, "subjects.subject": Subject}


@dataclass
class Finding:
    kind: str
    user_id: int
    username: str
    roles: str
    count: int
    first: datetime
    last: datetime
    detail: str = ""

    @property
    def title(self) -> str:
        return str(KINDS[self.kind])


@dataclass
class Report:
    start: date
    end: date  # the last day, included
    findings: list[Finding] = field(default_factory=list)

    def of(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


def threshold(name: str) -> int:
    return int(getattr(settings, "UNUSUAL_ACCESS", {}).get(name, DEFAULTS[name]))


def _window(start: date, end: date, *, from_hour: int = 0):
    """The trail from ``start`` to ``end`` (the day after, before ``from_hour``)."""
    zone = timezone.get_current_timezone()
    since = datetime.combine(start, time(from_hour), tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time(from_hour), tzinfo=zone)
    return AuditRecord.objects.filter(created_at__gte=since, created_at__lt=until).exclude(
        actor_id__isnull=True
    )


def _reads(records):
    return records.filter(action__endswith="viewed", result="allowed")


def _finding(kind, rows, detail="") -> Finding:
    first = min(r.created_at for r in rows)
    last = max(r.created_at for r in rows)
    row = rows[0]
    return Finding(
        kind, row.actor_id, row.actor_username, row.actor_roles, len(rows), first, last, detail
    )


def _outside_team(records) -> list[Finding]:
    reads = list(
        _reads(records)
        .filter(object_type__in=FILES)
        .only("actor_id", "actor_username", "actor_roles", "object_type", "object_id", "created_at")
    )
    owners: dict[tuple[str, str], int | None] = {}
    for label, model in FILES.items():
        ids = {r.object_id for r in reads if r.object_type == label}
        for uuid, team in model.objects.filter(uuid__in=ids).values_list("uuid", "owner_team_id"):
            owners[(label, str(uuid))] = team
    teams: dict[int, set[int]] = defaultdict(set)
    for user, team in TeamMembership.objects.values_list("user_id", "team_id"):
        teams[user].add(team)
    outside: dict[int, dict[tuple, object]] = defaultdict(dict)
    for r in reads:
        team = owners.get((r.object_type, r.object_id))
        if team is not None and team not in teams[r.actor_id]:
            outside[r.actor_id].setdefault((r.object_type, r.object_id), r)
    limit = threshold("outside_team")
    return [
        _finding("outside_team", list(files.values()))
        for files in outside.values()
        if len(files) >= limit
    ]


def _surname(records) -> list[Finding]:
    reads = list(
        _reads(records)
        .exclude(subject_ref="")
        .only("actor_id", "actor_username", "actor_roles", "subject_ref", "created_at")
    )
    refs = {r.subject_ref for r in reads}
    surnames = dict(
        Person.objects.filter(subject__uuid__in=refs).values_list("subject__uuid", "surname_key")
    )
    surnames = {str(k): v for k, v in surnames.items()}
    users = {
        u.pk: key(parse_name(u.get_full_name()).surname)
        for u in User.objects.filter(pk__in={r.actor_id for r in reads})
    }
    hits: dict[int, list] = defaultdict(list)
    for r in reads:
        own = users.get(r.actor_id)
        if own and surnames.get(r.subject_ref) == own:
            hits[r.actor_id].append(r)
    return [
        _finding("surname", rows, detail=str(len({r.subject_ref for r in rows})))
        for rows in hits.values()
    ]


def _night(records) -> list[Finding]:
    start, end = threshold("night_from"), threshold("night_until")
    nights: dict[tuple[int, date], list] = defaultdict(list)
    reads = _reads(records).only("actor_id", "actor_username", "actor_roles", "created_at")
    for r in reads.iterator():
        moment = timezone.localtime(r.created_at)
        if moment.hour >= start:
            nights[(r.actor_id, moment.date())].append(r)
        elif moment.hour < end:
            nights[(r.actor_id, moment.date() - timedelta(days=1))].append(r)
    limit = threshold("night_reads")
    return [
        _finding("night", rows, detail=night.isoformat())
        for (_user, night), rows in nights.items()
        if len(rows) >= limit
    ]


def _refusals(records) -> list[Finding]:
    denied = records.filter(Q(action=AuditAction.ACCESS_DENIED) | Q(result="denied")).only(
        "actor_id", "actor_username", "actor_roles", "created_at"
    )
    per_user: dict[int, list] = defaultdict(list)
    for r in denied.order_by("created_at", "id").iterator():
        per_user[r.actor_id].append(r)
    limit, found = threshold("refusals"), []
    for rows in per_user.values():
        # The largest number of refusals within an hour of the first of them.
        best, left = [], 0
        for right, r in enumerate(rows):
            while r.created_at - rows[left].created_at > timedelta(hours=1):
                left += 1
            if right - left + 1 > len(best):
                best = rows[left : right + 1]
        if len(best) >= limit:
            found.append(_finding("refusals", best))
    return found


def _glass(records) -> list[Finding]:
    broken = records.filter(action=AuditAction.GLASS_BROKEN).only(
        "actor_id", "actor_username", "actor_roles", "created_at"
    )
    per_user: dict[int, list] = defaultdict(list)
    for r in broken.order_by("created_at", "id"):
        per_user[r.actor_id].append(r)
    return [_finding("glass", rows) for rows in per_user.values()]


def unusual_access(start: date, end: date) -> Report:
    """The findings of every detector over the days ``start`` to ``end``."""
    records = _window(start, end)
    report = Report(start, end)
    for detector in (_outside_team, _surname, _refusals, _glass):
        report.findings.extend(detector(records))
    # The week's nights, Monday's to Sunday's: Monday early belongs to last week's Sunday.
    report.findings.extend(_night(_window(start, end, from_hour=threshold("night_until"))))
    report.findings.sort(key=lambda f: (f.kind, -f.count, f.username))
    return report
