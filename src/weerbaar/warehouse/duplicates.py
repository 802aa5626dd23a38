"""Possible duplicate subjects found by the record linkage: two subjects tied to the same
record of the BRP or the KvK (both linked to it, or one linked to the record whose number
the other carries) are likely one person or organisation recorded twice. Proposed to the
analyst with, per side, why it was tied to that record; judged pairs are never proposed
again (``subjects.duplicates``)."""

from itertools import combinations

from django.utils.translation import gettext as _

from weerbaar.subjects.selectors import subjects_by_registry_key
from weerbaar.subjects.services import Proposal, duplicates_propose
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


def duplicates_find(*, kind: str, actor=None) -> dict:
    """Propose every pair of subjects of ``kind`` tied to the same registry record."""
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
    return duplicates_propose(actor=actor, proposals=proposals)
