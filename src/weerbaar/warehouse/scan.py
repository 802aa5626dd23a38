"""Running every rule over the warehouse and keeping the hits as alerts."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.warehouse import db, rules
from weerbaar.warehouse.models import Alert, RuleSetting
from weerbaar.warehouse.services import import_closures


def _plain(values: dict) -> dict:
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _area(facts: dict) -> str:
    postcode = facts.get("postcode") or ""
    return postcode[:4] if postcode else (facts.get("place") or "")


def _store(rule: rules.Rule, params: dict, hits: list[dict], counts: dict) -> None:
    now = timezone.now()
    existing = {a.key: a for a in Alert.objects.filter(rule=rule.code)}
    seen = set()
    for hit in hits:
        key = str(hit.pop("key"))
        if key in seen:
            continue  # one alert per object: the first (most severe) hit of the rule
        seen.add(key)
        facts = _plain(hit)
        digest = hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()
        values = {
            "rule_version": rule.version,
            "params": params,
            "facts": facts,
            "facts_hash": digest,
            "explanation": rule.explain(facts, params)[:500],
            "area": _area(facts)[:80],
        }
        alert = existing.get(key)
        if alert is None:
            Alert.objects.create(rule=rule.code, key=key, raised_at=now, **values)
            counts["new"] += 1
        elif alert.status == Alert.Status.OPEN:
            Alert.objects.filter(pk=alert.pk).update(**values)
            counts["open"] += 1
        elif alert.facts_hash == digest:
            counts["reviewed_unchanged"] += 1  # reviewed before, same facts: not raised again
        else:
            Alert.objects.filter(pk=alert.pk).update(
                status=Alert.Status.OPEN,
                raised_at=now,
                reviewed_at=None,
                reviewed_by=None,
                dismiss_reason="",
                **values,
            )
            counts["reopened"] += 1


@transaction.atomic
def scan(*, actor=None) -> dict:
    """Run every rule; returns how many alerts are new, still open, reopened because their
    facts changed, or left alone because they were reviewed and nothing changed."""
    # The municipality's own closures change between scans: copy them in first.
    import_closures(actor=actor)
    counts = {"new": 0, "open": 0, "reopened": 0, "reviewed_unchanged": 0}
    overrides = {s.rule: s.params for s in RuleSetting.objects.all()}
    per_rule = {}
    with db.connect() as con:
        for rule in rules.all_rules():
            params = {**rule.params, **overrides.get(rule.code, {})}
            cursor = con.execute(rule.sql, params)
            columns = [d[0] for d in cursor.description]
            hits = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
            per_rule[rule.code] = {"version": rule.version, "params": params, "hits": len(hits)}
            _store(rule, params, hits, counts)
    audit_record(actor=actor, action=AuditAction.WAREHOUSE_SCAN, new={"rules": per_rule, **counts})
    return counts | {"rules": per_rule}
