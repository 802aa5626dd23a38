"""Linking the application's persons without a BSN and organisations without a KvK number
to the records of the BRP and KvK extracts."""

import tempfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.subjects.selectors import subject_keys
from weerbaar.warehouse import linkage
from weerbaar.warehouse.duplicates import duplicates_find
from weerbaar.warehouse.engines import spark_session
from weerbaar.warehouse.link_stage import ACCEPT, REVIEW, stage_app, stage_engine
from weerbaar.warehouse.models import RegistryLink

KEEP = (RegistryLink.Status.CONFIRMED, RegistryLink.Status.REJECTED)


# The registry side of each kind, from the attached warehouse: one row per record, its key.
REGISTRY = {
    "person": (
        "SELECT p.bsn_hash AS unique_id, p.bsn_hash AS registry_key, p.surname, p.prefix, "
        "p.given_names, p.birth_date, r.street, r.house_number, r.postcode FROM wh.brp_person p "
        # the address lived at now; of two, the one moved into last
        "LEFT JOIN (SELECT bsn_hash, arg_max(street, date_from) AS street, "
        "arg_max(house_number, date_from) AS house_number, "
        "arg_max(postcode, date_from) AS postcode FROM wh.brp_residence "
        "WHERE date_until IS NULL GROUP BY bsn_hash) r USING (bsn_hash)"
    ),
    "organisation": (
        "SELECT establishment AS unique_id, kvk_number AS registry_key, name, postcode, "
        "house_number, street, place FROM wh.kvk_business"
    ),
}


def _shown(kind: str, r: dict) -> dict:
    """What the review page shows of the registry's record."""
    if kind == "person":
        name = " ".join(filter(None, [r["given_names"], r["prefix"], r["surname"]]))
        born = str(r["birth_date"]) if r["birth_date"] else ""
        return {"name": name, "birth_date": born, "postcode": r["postcode"] or ""}
    place = " ".join(str(v) for v in (r["street"], r["house_number"], r["place"]) if v)
    return {"name": r["name"], "address": place, "postcode": r["postcode"] or ""}


def _registry(con, ids: list[str], kind: str) -> dict[str, dict]:
    if not ids:
        return {}
    cursor = con.execute("SELECT * FROM registry_raw WHERE list_contains(?, unique_id)", [ids])
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return {r["unique_id"]: {"key": r["registry_key"], **_shown(kind, r)} for r in rows}


def link_registry(*, kind: str, actor=None) -> dict:
    """Train the linkage model of ``kind`` ("person" or "organisation") on the
    application's records without a registry key and the registry's records (BRP persons,
    KvK establishments), and keep the pairs: certain ones linked, uncertain ones for review.
    The analyst's earlier judgements (confirmed, rejected) stay as they are."""
    normalise = linkage.NORMALISE_BY_KIND[kind]
    with tempfile.TemporaryDirectory() as folder, closing(stage_engine()) as con:
        if not stage_app(con, Path(folder), kind):
            return {"linked": 0, "review": 0}
        con.execute("CREATE TABLE registry_raw AS " + REGISTRY[kind])
        if not con.execute("SELECT count(*) FROM registry_raw").fetchone()[0]:
            return {"linked": 0, "review": 0}  # that extract is not imported yet
        con.execute("CREATE TABLE app_side AS " + normalise.format(table="app_raw"))
        con.execute("CREATE TABLE registry_side AS " + normalise.format(table="registry_raw"))
        engine = settings.WAREHOUSE_ENGINE
        if engine == "spark":
            spark = spark_session()
            linkage.spark_tables(con, spark, Path(folder), ["app_side", "registry_side"])
        api = linkage.engine_api(con, engine)
        model: dict = {}
        pairs = linkage.link(
            api, "app_side", "registry_side", kind=kind, threshold=REVIEW, model=model
        )
        registry = _registry(con, [p.right for p in pairs], kind)
    return _store(kind, pairs, registry, actor, model)


KINDS = ("person", "organisation")


def link_all(*, actor=None, progress=None) -> dict:
    """Both kinds, and the possible duplicate subjects each brings to light; returns the
    counts per kind. ``progress(done, total)`` after each kind."""
    counts = {}
    for done, kind in enumerate(KINDS, start=1):
        counts[kind] = link_registry(kind=kind, actor=actor)
        counts[kind]["duplicates"] = duplicates_find(kind=kind, actor=actor)
        if progress:
            progress(done, len(KINDS))
    return counts


@transaction.atomic
def _store(kind: str, pairs, registry, actor, model: dict) -> dict:
    now = timezone.now()
    mine = RegistryLink.objects.filter(kind=kind)
    decided = {(str(s), k) for s, k in mine.filter(status__in=KEEP)
               .values_list("subject__uuid", "registry_key")}  # fmt: skip
    mine.exclude(status__in=KEEP).delete()
    subjects = subject_keys([p.left for p in pairs])
    links, seen = [], set()
    for p in pairs:
        record = registry.get(p.right, {})
        key = record.pop("key", p.right)
        if p.left not in subjects or (p.left, key) in decided or (p.left, key) in seen:
            continue  # unknown, judged before, or a second establishment of the same firm
        seen.add((p.left, key))
        certain = p.match_probability >= ACCEPT
        links.append(
            RegistryLink(
                kind=kind,
                subject_id=subjects[p.left],
                registry_key=key,
                registry_record=record,
                match_weight=p.match_weight,
                match_probability=p.match_probability,
                weights={k: {"level": v[0], "weight": v[1]} for k, v in p.weights.items()},
                status=RegistryLink.Status.LINKED if certain else RegistryLink.Status.REVIEW,
                found_at=now,
            )
        )
    RegistryLink.objects.bulk_create(links)
    counts = {
        "linked": sum(link.status == RegistryLink.Status.LINKED for link in links),
        "review": sum(link.status == RegistryLink.Status.REVIEW for link in links),
        "model": model,  # kept in the run's record instead of on the terminal
    }
    audit_record(actor=actor, action=AuditAction.WAREHOUSE_LINKED, new={"kind": kind, **counts})
    return counts
