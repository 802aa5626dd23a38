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


def grouped(rows: QuerySet, *, groups: dict, visible: QuerySet) -> list[dict]:
    """``rows`` counted per combination of ``groups`` (name: field or expression), each
    with ``total`` and ``seen`` (the rows the reader may see)."""
    counted = (
        rows.annotate(**{f"g_{name}": expr for name, expr in groups.items()})
        .values(*[f"g_{name}" for name in groups])
        .annotate(
            total=Count("pk", distinct=True),
            seen=Count("pk", distinct=True, filter=Q(pk__in=visible.values("pk"))),
        )
        .order_by(*[f"g_{name}" for name in groups])
    )
    return [
        {**{name: row[f"g_{name}"] for name in groups}, "total": row["total"], "seen": row["seen"]}
        for row in counted
    ]


def age_bucket(field: str, today):
    """An expression sorting rows by the age of ``field`` into 0-3: under a month, one to
    three months, three to twelve months, a year or more."""
    from datetime import timedelta

    from django.db.models import Case, IntegerField, Value, When

    return Case(
        When(**{f"{field}__gt": today - timedelta(days=30)}, then=Value(0)),
        When(**{f"{field}__gt": today - timedelta(days=91)}, then=Value(1)),
        When(**{f"{field}__gt": today - timedelta(days=365)}, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


def per_address(rows: QuerySet, *, postcode, number, visible: QuerySet) -> list[dict]:
    """``rows`` counted per address (``postcode`` and house ``number``: field names or
    expressions), for the map, each with ``total`` and ``seen``. A row without an address
    counts under a blank postcode: the map says how many it could not place."""
    from django.db.models import F

    def expr(value):
        return F(value) if isinstance(value, str) else value

    counted = grouped(
        rows, groups={"postcode": expr(postcode), "number": expr(number)}, visible=visible
    )
    for row in counted:
        row["postcode"] = (row["postcode"] or "").replace(" ", "").upper()
        number = str(row["number"] or "")
        row["number"] = int(number) if number.isdigit() else None
    return counted
