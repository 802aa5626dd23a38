"""Running every rule over the warehouse and keeping the hits as alerts."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.warehouse import db, engines, rules
from weerbaar.warehouse.models import Alert, RuleSetting
from weerbaar.warehouse.services import import_closures


def _plain(values: dict) -> dict:
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _area(facts: dict) -> str:
    postcode = facts.get("postcode") or ""
    return postcode[:4] if postcode else (facts.get("place") or "")


FIELDS = ["rule_version", "params", "facts", "facts_hash", "explanation", "area"]
REOPEN = ["status", "raised_at", "reviewed_at", "reviewed_by", "dismiss_reason"]


def _store(rule: rules.Rule, params: dict, hits: list[dict], counts: dict) -> None:
    """Keep the hits as alerts, in bulk: a national scan raises hundreds of thousands."""
    now = timezone.now()
    existing = {a.key: a for a in Alert.objects.filter(rule=rule.code)}
    seen, new, changed, reopened = set(), [], [], []
    for hit in hits:
        key = str(hit.pop("key"))
        if key in seen:
            continue  # one alert per object: the first (most severe) hit of the rule
        seen.add(key)
        facts = _plain(hit)
        digest = hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()
        alert = existing.get(key)
        if alert is not None and alert.status != Alert.Status.OPEN and alert.facts_hash == digest:
            counts["reviewed_unchanged"] += 1  # reviewed before, same facts: not raised again
            continue
        values = {
            "rule_version": rule.version,
            "params": params,
            "facts": facts,
            "facts_hash": digest,
            "explanation": rule.explain(facts, params)[:500],
            "area": _area(facts)[:80],
        }
        if alert is None:
            new.append(Alert(rule=rule.code, key=key, raised_at=now, **values))
            counts["new"] += 1
            continue
        if alert.status == Alert.Status.OPEN:
            counts["open"] += 1
            if all(getattr(alert, k) == v for k, v in values.items()):
                continue  # still open, nothing new to write
            target = changed
        else:
            counts["reopened"] += 1
            alert.status, alert.raised_at = Alert.Status.OPEN, now
            alert.reviewed_at, alert.reviewed_by, alert.dismiss_reason = None, None, ""
            target = reopened
        for k, v in values.items():
            setattr(alert, k, v)
        target.append(alert)
    Alert.objects.bulk_create(new, batch_size=2000)
    Alert.objects.bulk_update(changed, FIELDS, batch_size=500)
    Alert.objects.bulk_update(reopened, FIELDS + REOPEN, batch_size=500)


def scan(*, actor=None, engine: str | None = None, progress=None) -> dict:
    """Run every rule; returns how many alerts are new, still open, reopened because their
    facts changed, or left alone because they were reviewed and nothing changed.

    The rules run first, outside any transaction, so ``progress(done, total)`` can be seen
    by the page; the alerts are then stored in one transaction: all or nothing."""
    # The municipality's own closures change between scans: copy them in first.
    import_closures(actor=actor)
    overrides = {s.rule: s.params for s in RuleSetting.objects.all()}
    catalogue = rules.all_rules()
    found, per_rule = [], {}
    with db.connect() as con:
        runner = engines.create(con, engine)
        for done, rule in enumerate(catalogue, start=1):
            params = {**rule.params, **overrides.get(rule.code, {})}
            hits = runner.run(rule.sql, params)
            per_rule[rule.code] = {"version": rule.version, "params": params, "hits": len(hits)}
            found.append((rule, params, hits))
            if progress:
                progress(done, len(catalogue) + 1)  # the last step is storing the alerts
    counts = {"new": 0, "open": 0, "reopened": 0, "reviewed_unchanged": 0}
    with transaction.atomic():
        for rule, params, hits in found:
            _store(rule, params, hits, counts)
        audit_record(
            actor=actor,
            action=AuditAction.WAREHOUSE_SCAN,
            new={"rules": per_rule, "engine": runner.name, **counts},
        )
    return counts | {"rules": per_rule}
