"""Alerts: keeping a rule's hits (``store``) and the analyst's review of them (dismissing
an alert, or turning it into a signal).

A national scan raises hundreds of thousands of hits. The ORM's ``bulk_create`` and
``bulk_update`` spend most of their time compiling SQL per batch (``bulk_update`` builds a
CASE per field per row), so the writes here are one prepared statement run over all rows
(inserts by COPY on PostgreSQL), with each value adapted by its model field as the ORM would.
"""

import hashlib
import json
import uuid
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.signals.constants import Channel, SubjectRole
from weerbaar.signals.services import signal_create, signal_link_subject
from weerbaar.warehouse.models import Alert

NEW = ["uuid", "rule", "key", "status", "raised_at", "dismiss_reason"]
VALUES = ["rule_version", "params", "facts", "facts_hash", "explanation", "area"]
REOPEN = ["status", "raised_at", "reviewed_at", "reviewed_by", "dismiss_reason"]
PLAIN = (str, int, float, bool, type(None))


def _plain(value):
    """A value as it reads back from a JSON field (dates as ISO text, decimals as text)."""
    if isinstance(value, PLAIN):
        return value
    if isinstance(value, date | datetime | Decimal | uuid.UUID):
        return DjangoJSONEncoder().default(value)
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _area(facts: dict) -> str:
    postcode = facts.get("postcode") or ""
    return postcode[:4] if postcode else (facts.get("place") or "")


def _connection():
    return connections[router.db_for_write(Alert)]


def _columns(names: list[str]) -> list[str]:
    quote = _connection().ops.quote_name
    return [quote(Alert._meta.get_field(n).column) for n in names]


def _table() -> str:
    return _connection().ops.quote_name(Alert._meta.db_table)


def _db(name: str, value):
    """A value as the database takes it, adapted by the model's field as the ORM would."""
    return Alert._meta.get_field(name).get_db_prep_save(value, _connection())


def _insert(rows: list[tuple]) -> None:
    """Rows of (values of ``NEW`` and ``VALUES``), adapted."""
    if not rows:
        return
    names = NEW + VALUES
    into = f"{_table()} ({', '.join(_columns(names))})"
    with _connection().cursor() as cursor:
        if _connection().vendor == "postgresql":
            # COPY: a third of the time of row-by-row inserts for a national scan
            with cursor.cursor.copy(f"COPY {into} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(names))
            cursor.executemany(f"INSERT INTO {into} VALUES ({marks})", rows)  # noqa: S608


def _update(names: list[str], rows: list[tuple]) -> None:
    """Rows of (values of ``names``..., pk), adapted."""
    if not rows:
        return
    assignments = ", ".join(f"{column} = %s" for column in _columns(names))
    sql = f"UPDATE {_table()} SET {assignments} WHERE {_columns(['id'])[0]} = %s"  # noqa: S608
    with _connection().cursor() as cursor:
        cursor.executemany(sql, rows)


def _first_per_object(hits: list[dict]):
    """(key, facts) per object: the first, most severe, hit of the rule."""
    seen = set()
    for hit in hits:
        key = str(hit.pop("key"))
        if key not in seen:
            seen.add(key)
            yield key, {k: _plain(v) for k, v in hit.items()}


def store(rule, params: dict, hits: list[dict], counts: dict, now) -> None:
    """Keep the hits of one rule: new objects get an alert; an open alert is rewritten when
    its facts, the rule or its thresholds changed, and lapses when the rule no longer finds
    it; a reviewed alert is raised again only when its facts changed. ``counts`` is added
    to."""
    existing = {
        key: rest
        for key, *rest in Alert.objects.filter(rule=rule.code).values_list(
            "key", "pk", "status", "facts_hash", "rule_version", "params"
        )
    }
    conn = _connection()
    facts_field, uuid_field = Alert._meta.get_field("facts"), Alert._meta.get_field("uuid")
    # adapted once per rule, not per row: the same for every hit
    raised, params_db, open_ = _db("raised_at", now), _db("params", params), Alert.Status.OPEN
    new, changed, reopened = [], [], []

    def values(facts, digest):
        return (
            rule.version,
            params_db,
            facts_field.get_db_prep_save(facts, conn),
            digest,
            rule.explain(facts, params)[:500],
            _area(facts)[:80],
        )

    found = set()
    for key, facts in _first_per_object(hits):
        found.add(key)
        digest = hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()
        if key not in existing:
            row = (uuid_field.get_db_prep_value(uuid.uuid4(), conn), rule.code, key, open_)
            new.append((*row, raised, "", *values(facts, digest)))
            counts["new"] += 1
            continue
        pk, status, old_digest, old_version, old_params = existing[key]
        if status == Alert.Status.OPEN:
            counts["open"] += 1
            if (old_digest, old_version, old_params) != (digest, rule.version, params):
                changed.append((*values(facts, digest), pk))
        elif status != Alert.Status.LAPSED and old_digest == digest:
            counts["reviewed_unchanged"] += 1  # reviewed before, same facts: not raised again
        else:
            # found again after a run that did not find it (new to review), or reviewed
            # before and its facts changed
            counts["new" if status == Alert.Status.LAPSED else "reopened"] += 1
            reopened.append((*values(facts, digest), open_, raised, None, None, "", pk))
    # Open alerts this run did not find any more leave the queue: nobody needs to review them.
    lapsed = [
        (Alert.Status.LAPSED, pk)
        for key, (pk, status, *_rest) in existing.items()
        if status == Alert.Status.OPEN and key not in found
    ]
    counts["lapsed"] += len(lapsed)
    _insert(new)
    _update(VALUES, changed)
    _update(VALUES + REOPEN, reopened)
    _update(["status"], lapsed)


def _lock_open(alert: Alert) -> Alert:
    """The alert, locked until the review's transaction ends, if it still waits for review:
    two reviewers of one alert are served one after the other, and the second is refused."""
    locked = Alert.objects.select_for_update().filter(pk=alert.pk).first()
    if locked is None or locked.status != Alert.Status.OPEN:
        raise ValidationError(_("This alert has already been reviewed; see its status."))
    return locked


def _reviewed(alert: Alert, actor, **changes) -> None:
    changes |= {"reviewed_by": actor, "reviewed_at": timezone.now()}
    for name, value in changes.items():
        setattr(alert, name, value)
    alert.save(update_fields=list(changes))


@transaction.atomic
def alert_dismiss(*, actor, alert: Alert, reason: str) -> Alert:
    """Close an open alert as needing no follow-up, with the reviewer's reason."""
    reason = reason.strip()
    if len(reason) < 5:
        raise ValidationError({"reason": _("Say why this alert needs no follow-up.")})
    alert = _lock_open(alert)
    _reviewed(alert, actor, status=Alert.Status.DISMISSED, dismiss_reason=reason[:500])
    audit_record(actor=actor, action=AuditAction.ALERT_DISMISSED, obj=alert, purpose=reason)
    return alert


@transaction.atomic
def alerts_dismiss(*, actor, alerts, reason: str) -> int:
    """Dismiss many open alerts with one reason: all of them, or none when one of them has
    been reviewed meanwhile. Each alert keeps its own audit row."""
    for alert in sorted(alerts, key=lambda a: a.pk):
        alert_dismiss(actor=actor, alert=alert, reason=reason)
    return len(alerts)


def _location(facts: dict) -> str:
    keys = ("street", "house_number", "house_letter", "postcode", "place")
    return " ".join(str(facts.get(k) or "") for k in keys).strip()[:255]


def _describe(alert: Alert) -> str:
    return _("%(explanation)s. (Alert %(rule)s, version %(version)s)") % {
        "explanation": alert.explanation,
        "rule": alert.rule,
        "version": alert.rule_version,
    }


@transaction.atomic
def alert_to_signal(*, actor, alert: Alert, subjects=()):
    """Turn an open alert into a signal (channel: information warehouse) in the normal flow,
    with the subjects the hit is about linked: an address as the location, the rest as
    involved. An alert gives one signal, however many reviewers press at once."""
    alert = _lock_open(alert)
    signal = signal_create(
        actor=actor,
        channel=Channel.WAREHOUSE,
        description=_describe(alert),
        location_text=_location(alert.facts),
    )
    located = False
    for subject in subjects:
        role = SubjectRole.INVOLVED
        if subject.kind == "address" and not located:
            role, located = SubjectRole.LOCATION, True
        signal_link_subject(actor=actor, signal=signal, subject=subject, role=role)
    _reviewed(alert, actor, status=Alert.Status.SIGNAL, signal_uuid=signal.uuid)
    audit_record(
        actor=actor, action=AuditAction.ALERT_TO_SIGNAL, obj=alert, new={"signal": str(signal.uuid)}
    )
    signal.refresh_from_db()
    return signal


@transaction.atomic
def alert_follow_up_record(*, actor, alert_reference: str, text: str) -> Alert | None:
    """The outcome of a control or an address check planned from the alert whose id is
    ``alert_reference``: a line added to the alert's outcome; an open alert is then reviewed
    (followed up by a control). Nothing for a reference that names no alert."""
    try:
        alert_id = uuid.UUID(str(alert_reference))
    except ValueError:
        return None
    alert = Alert.objects.select_for_update().filter(uuid=alert_id).first()
    if alert is None:
        return None
    old = {"status": alert.status, "outcome": alert.outcome}
    alert.outcome = f"{alert.outcome}\n{text.strip()}".strip()
    fields = ["outcome"]
    if alert.status == Alert.Status.OPEN:
        alert.status, alert.reviewed_by, alert.reviewed_at = (
            Alert.Status.INSPECTED,
            actor,
            timezone.now(),
        )
        fields += ["status", "reviewed_by", "reviewed_at"]
    alert.save(update_fields=fields)
    audit_record(
        actor=actor,
        action=AuditAction.ALERT_FOLLOWED_UP,
        obj=alert,
        old=old,
        new={"status": alert.status, "outcome": alert.outcome},
    )
    return alert
