"""Running every rule over the warehouse and keeping the hits as alerts."""

import time

from django.db import transaction
from django.utils import timezone

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.warehouse import alerts, db, engines, organisations, rules
from weerbaar.warehouse.models import RuleSetting
from weerbaar.warehouse.services import import_closures


def _run_rule(runner, rule: rules.Rule, params: dict) -> tuple[list[dict] | None, dict]:
    """The hits of one rule and what to record of its run; no hits but the reason when the
    rule cannot run (a threshold the rule does not know, a table not imported yet)."""
    info = {"version": rule.version, "params": params}
    started = time.monotonic()
    problem = rules.params_problem(rule, params)
    hits = None
    if problem is None:
        try:
            hits = runner.run(rule.sql, params)
        except Exception as exc:  # noqa: BLE001 - DuckDB's or Spark's: one rule fails, not the scan
            problem = f"{type(exc).__name__}: {exc}"[:500]
    info["seconds"] = round(time.monotonic() - started, 1)
    if problem:
        info["error"] = problem
    else:
        info["hits"] = len(hits)
    return hits, info


def scan(*, actor=None, engine: str | None = None, progress=None) -> dict:
    """Run every rule; returns how many alerts are new, still open, reopened because their
    facts changed, left alone because they were reviewed and nothing changed, or lapsed
    because the rule no longer finds them, and under ``failed`` the rules that could not
    run, with why (their alerts stay as they were; every other rule runs).

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
            hits, per_rule[rule.code] = _run_rule(runner, rule, params)
            if hits is not None:
                found.append((rule, params, hits))
            if progress:
                progress(done, len(catalogue) + 1)  # the last step is storing the alerts
    counts = {"new": 0, "open": 0, "reopened": 0, "reviewed_unchanged": 0, "lapsed": 0}
    now = timezone.now()
    failed = {code: info["error"] for code, info in per_rule.items() if "error" in info}
    with transaction.atomic():
        for rule, params, hits in found:
            alerts.store(rule, params, hits, counts, now)
        audit_record(
            actor=actor,
            action=AuditAction.WAREHOUSE_SCAN,
            new={"rules": per_rule, "engine": runner.name, **counts, "failed": failed},
        )
    # After the alerts are kept: the organisations they name become findable subjects.
    counts["organisations"] = organisations.add_flagged(actor=actor)
    return counts | {"failed": failed, "rules": per_rule}
