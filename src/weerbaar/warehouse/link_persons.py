"""Linking the application's persons without a BSN to the persons of the BRP extract."""

import csv
import tempfile
from contextlib import closing
from pathlib import Path

import duckdb
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.subjects.selectors import persons_for_linkage, subject_keys
from weerbaar.warehouse import linkage
from weerbaar.warehouse.engines import spark_session
from weerbaar.warehouse.models import PersonLink

# From this probability a pair is linked without review; from REVIEW up it is shown to the
# analyst; below it nothing is kept.
ACCEPT, REVIEW = 0.95, 0.5
KEEP = (PersonLink.Status.CONFIRMED, PersonLink.Status.REJECTED)


def _engine() -> duckdb.DuckDBPyConnection:
    """An in-memory engine beside the warehouse file (attached read-only), so the model's
    working tables never land in the warehouse."""
    target = Path(settings.WAREHOUSE_PATH)
    con = duckdb.connect(
        config={
            "memory_limit": settings.WAREHOUSE_MEMORY,
            "temp_directory": str(target.parent / f"{target.stem}.tmp"),
        }
    )
    con.execute(f"ATTACH '{target}' AS wh (READ_ONLY)")
    return con


def _stage_app(con, folder: Path) -> int:
    path = folder / "app.csv"
    count = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["unique_id", "surname", "prefix", "given_names", "birth_date", "postcode"])
        for row in persons_for_linkage():
            out.writerow(row)
            count += 1
    con.execute(
        "CREATE TABLE app_raw AS SELECT * FROM read_csv(?, header=true, all_varchar=true)",
        [str(path)],
    )
    return count


def _stage_brp(con) -> None:
    con.execute(
        "CREATE TABLE brp_raw AS SELECT p.bsn_hash AS unique_id, p.surname, p.prefix, "
        "p.given_names, p.birth_date, r.postcode FROM wh.brp_person p LEFT JOIN ("
        "SELECT bsn_hash, any_value(postcode) AS postcode FROM wh.brp_residence "
        "WHERE date_until IS NULL GROUP BY bsn_hash) r USING (bsn_hash)"
    )


def _registry(con, hashes: list[str]) -> dict[str, dict]:
    if not hashes:
        return {}
    rows = con.execute(
        "SELECT unique_id, surname, prefix, given_names, CAST(birth_date AS VARCHAR), postcode "
        "FROM brp_raw WHERE list_contains(?, unique_id)",
        [hashes],
    ).fetchall()
    return {
        r[0]: {"name": " ".join(filter(None, [r[3], r[2], r[1]])), "birth_date": r[4],
               "postcode": r[5] or ""}
        for r in rows
    }  # fmt: skip


def link_persons(*, actor=None) -> dict:
    """Train the linkage model on the application's persons without a BSN and the BRP
    persons, and keep the pairs: certain ones linked, uncertain ones for review. The
    analyst's earlier decisions (confirmed, rejected) stay as they are."""
    with tempfile.TemporaryDirectory() as folder, closing(_engine()) as con:
        if not _stage_app(con, Path(folder)):
            return {"linked": 0, "review": 0, "persons": 0}
        _stage_brp(con)
        con.execute("CREATE TABLE app_person AS " + linkage.NORMALISE.format(table="app_raw"))
        con.execute("CREATE TABLE brp_person AS " + linkage.NORMALISE.format(table="brp_raw"))
        engine = settings.WAREHOUSE_ENGINE
        if engine == "spark":
            spark = spark_session()
            linkage.spark_tables(con, spark, Path(folder), ["app_person", "brp_person"])
        api = linkage.engine_api(con, engine)
        pairs = linkage.link(api, "app_person", "brp_person", threshold=REVIEW)
        registry = _registry(con, [p.right for p in pairs])
    return _store(pairs, registry, actor)


@transaction.atomic
def _store(pairs, registry, actor) -> dict:
    now = timezone.now()
    decided = {(str(s), h) for s, h in PersonLink.objects.filter(status__in=KEEP)
               .values_list("subject__uuid", "bsn_hash")}  # fmt: skip
    PersonLink.objects.exclude(status__in=KEEP).delete()
    subjects = subject_keys([p.left for p in pairs])
    links = [
        PersonLink(
            subject_id=subjects[p.left],
            bsn_hash=p.right,
            registry_person=registry.get(p.right, {}),
            match_weight=p.match_weight,
            match_probability=p.match_probability,
            weights={k: {"level": v[0], "weight": v[1]} for k, v in p.weights.items()},
            status=PersonLink.Status.LINKED
            if p.match_probability >= ACCEPT
            else PersonLink.Status.REVIEW,
            found_at=now,
        )
        for p in pairs
        if p.left in subjects and (p.left, p.right) not in decided
    ]
    PersonLink.objects.bulk_create(links)
    counts = {
        "linked": sum(link.status == PersonLink.Status.LINKED for link in links),
        "review": sum(link.status == PersonLink.Status.REVIEW for link in links),
    }
    audit_record(actor=actor, action=AuditAction.WAREHOUSE_LINKED, new=counts)
    return counts
