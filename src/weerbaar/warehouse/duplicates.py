"""Possible duplicate subjects found by the record linkage, in two ways. Two subjects tied
to the same record of the BRP or the KvK (both linked to it, or one linked to the record
whose number the other carries) are likely one person or organisation recorded twice. And
persons recorded without a BSN, organisations without a KvK number, are compared with each
other (``linkage.dedupe``): for someone in no registry, a non-resident say, or a firm in no
KvK extract, that is the only way their two records meet.
Proposed to the analyst with why; judged pairs are never proposed again
(``subjects.duplicates``)."""

import tempfile
from contextlib import closing
from itertools import combinations
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.subjects.selectors import subject_keys, subjects_by_registry_key
from weerbaar.subjects.services import Proposal, duplicates_propose
from weerbaar.warehouse import linkage
from weerbaar.warehouse.engines import spark_session
from weerbaar.warehouse.link_stage import REVIEW, stage_app, stage_engine
from weerbaar.warehouse.models import RegistryLink

TIED = (RegistryLink.Status.LINKED, RegistryLink.Status.CONFIRMED)
FOUND_BY = {"person": "BRP", "organisation": "KvK"}


def _sides(kind: str) -> dict[str, dict[int, dict]]:
    """Per registry key, the subjects tied to it and how: a link's probability and weights,
    or the number itself (probability 1)."""
    groups: dict[str, dict[int, dict]] = {}
    links = RegistryLink.objects.filter(
        kind=kind, status__in=TIED, subject__merged_into__isnull=True
    ).values_list("registry_key", "subject_id", "match_probability", "weights", "status")
    for key, pk, probability, weights, status in links.iterator(chunk_size=2000):
        groups.setdefault(key, {})[pk] = {
            "how": "linked",
            "probability": probability,
            "weights": weights,
            "status": status,
        }
    for key, pks in subjects_by_registry_key(kind, groups).items():
        for pk in pks:
            groups[key].setdefault(pk, {"how": "number", "probability": 1.0, "weights": {}})
    return {key: sides for key, sides in groups.items() if len(sides) > 1}


COMPARED = {
    "person": gettext_lazy("comparison of the persons recorded without a BSN"),
    "organisation": gettext_lazy("comparison of the organisations recorded without a KvK number"),
}


def _compared(kind: str, threshold: float) -> list[Proposal]:
    """Pairs of subjects of ``kind`` recorded without a registry number that the linkage of
    those subjects with each other finds, from ``threshold`` up."""
    with tempfile.TemporaryDirectory() as folder, closing(stage_engine()) as con:
        if stage_app(con, Path(folder), kind) < 2:
            return []
        normalise = linkage.NORMALISE_BY_KIND[kind]
        con.execute("CREATE TABLE app_side AS " + normalise.format(table="app_raw"))
        if settings.WAREHOUSE_ENGINE == "spark":
            linkage.spark_tables(con, spark_session(), Path(folder), ["app_side"])
        api = linkage.engine_api(con, settings.WAREHOUSE_ENGINE)
        pairs = linkage.dedupe(api, "app_side", kind=kind, threshold=threshold)
    pks = subject_keys({p.left for p in pairs} | {p.right for p in pairs})
    found = str(COMPARED[kind])
    return [
        Proposal(
            one=pks[p.left],
            other=pks[p.right],
            probability=p.match_probability,
            explanation={
                "compared": {
                    "probability": p.match_probability,
                    "weights": {k: {"level": v[0], "weight": v[1]} for k, v in p.weights.items()},
                    "via": p.via,
                }
            },
            found_by=found,
        )  # fmt: skip
        for p in pairs
        if p.left in pks and p.right in pks
    ]


def duplicates_find(*, kind: str, actor=None) -> dict:
    """Propose every pair of subjects of ``kind`` tied to the same registry record, and the
    pairs found by comparing those without a registry number with each other (a pair found
    both ways is explained by the registry record)."""
    proposals = []
    for sides in _sides(kind).values():
        for one, other in combinations(sorted(sides), 2):
            explanation = {"sides": {str(one): sides[one], str(other): sides[other]}}
            proposals.append(
                Proposal(
                    one=one,
                    other=other,
                    probability=min(sides[one]["probability"], sides[other]["probability"]),
                    explanation=explanation,
                    found_by=_("linkage with the %(registry)s") % {"registry": FOUND_BY[kind]},
                )
            )
    tied = {tuple(sorted((p.one, p.other))) for p in proposals}
    proposals += [p for p in _compared(kind, REVIEW) if tuple(sorted((p.one, p.other))) not in tied]
    return duplicates_propose(actor=actor, proposals=proposals)
