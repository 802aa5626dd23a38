"""The Bibob figures of a year for the annual report: counts only, no screening, number,
name or id, so the report (the ``reporting`` app) can show them outside the compartment.

Each figure counts by the day of its own step: screenings by the day the application was
received, decisions by the day of the decision, requests to the LBB by the day asked,
degrees of danger by the day the advice was received."""

from django.db.models import Count, Q

from weerbaar.screening.constants import Decision, Degree
from weerbaar.screening.models import PermitKind, Screening


def _by(field: str, year: int, group: str) -> dict[str, int]:
    rows = (
        Screening.objects.filter(**{f"{field}__year": year})
        .order_by()
        .values(group)
        .annotate(n=Count("id"))
    )
    return {r[group]: r["n"] for r in rows}


def _choices(choices, counted: dict) -> list[dict]:
    return [
        {"code": c.value, "label": str(c.label), "count": counted.get(c.value, 0)} for c in choices
    ]


def year_counts(*, year: int) -> dict:
    """The figures of ``year``: plain numbers, and per permit kind, decision and degree of
    danger a code, its words and a count (zero included, so every year has the same rows)."""
    per_kind = _by("application_received_on", year, "permit_kind")
    kinds = PermitKind.objects.filter(Q(active=True) | Q(pk__in=per_kind)).order_by("name")
    requested = Screening.objects.filter(lbb_requested_on__year=year).order_by()
    return {
        "year": year,
        "screenings": sum(per_kind.values()),
        "per_permit_kind": [
            {"code": k.code, "label": k.name, "count": per_kind.get(k.pk, 0)} for k in kinds
        ],
        "decisions": _choices(Decision, _by("decided_on", year, "decision")),
        "lbb_requests": requested.count(),
        "lbb_extended": requested.filter(lbb_extended=True).count(),
        "degrees": _choices(Degree, _by("lbb_advised_on", year, "lbb_degree")),
    }
