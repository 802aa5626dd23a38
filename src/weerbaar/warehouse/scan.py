"""Running every rule over the warehouse and keeping the hits as alerts."""

import time

from django.db import transaction
from django.utils import timezone

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.warehouse import alerts, db, engines, rules
from weerbaar.warehouse.models import RuleSetting
from weerbaar.warehouse.services import import_closures


def scan(*, actor=None, engine: str | None = None, progress=None) -> dict:
    """Run every rule; returns how many alerts are new, still open, reopened because their
    facts changed, left alone because they were reviewed and nothing changed, or lapsed
    because the rule no longer finds them.

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
            started = time.monotonic()
            hits = runner.run(rule.sql, params)
            per_rule[rule.code] = {
                "version": rule.version,
                "params": params,
                "hits": len(hits),
                "seconds": round(time.monotonic() - started, 1),
            }
            found.append((rule, params, hits))
            if progress:
                progress(done, len(catalogue) + 1)  # the last step is storing the alerts
    counts = {"new": 0, "open": 0, "reopened": 0, "reviewed_unchanged": 0, "lapsed": 0}
    now = timezone.now()
    with transaction.atomic():
        for rule, params, hits in found:
            alerts.store(rule, params, hits, counts, now)
        audit_record(
            actor=actor,
            action=AuditAction.WAREHOUSE_SCAN,
            new={"rules": per_rule, "engine": runner.name, **counts},
        )
    return counts | {"rules": per_rule}
