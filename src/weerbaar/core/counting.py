"""Counts per year for the yearly report, with what the reader may see of them.

Every app that feeds the report counts its own rows here, so each count comes with the
number of those rows the reader may see (its need-to-know queryset): the report shows a
small number only to a reader who may see every row behind it. Aggregates only: no row's
id or name ever leaves this module.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear


@dataclass(frozen=True)
class Tally:
    group: str  # the row of the table: a category, a channel, an instrument ...
    year: int
    total: int
    seen: int  # of ``total``, the rows the reader may see


def per_year(
    rows: QuerySet, *, year_field: str, group: str | None, visible: QuerySet
) -> list[Tally]:
    """``rows`` counted per ``group`` value and per year of ``year_field``."""
    fields = {"year": ExtractYear(year_field)}
    keys = ["year", group] if group else ["year"]
    counted = (
        rows.annotate(**fields)
        .values(*keys)
        .annotate(
            total=Count("pk", distinct=True),
            seen=Count("pk", distinct=True, filter=Q(pk__in=visible.values("pk"))),
        )
        .order_by(*keys)
    )
    return [
        Tally(str(row[group] or "") if group else "", row["year"], row["total"], row["seen"])
        for row in counted
    ]
