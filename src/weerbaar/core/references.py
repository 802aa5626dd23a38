"""Human reference numbers (``S-2026-0042``, ``C-2026-0007``): numbered per kind and calendar
year, without gaps, handed out inside the transaction that creates the object."""

import re

from django.db.models import F
from django.utils import timezone

from weerbaar.core.models import ReferenceCounter

# "S-2026-0042", "s-2026-42" or just "2026-0042": what an officer types into a search box.
_TYPED = re.compile(r"^\s*(?:([A-Za-z])\s*-\s*)?(\d{4})\s*-\s*(\d{1,6})\s*$")


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:04d}"


def next_reference(prefix: str) -> str:
    """The next reference of ``prefix`` in this calendar year.

    Must run inside the creating transaction (``select_for_update`` refuses outside one): the
    counter row stays locked until it commits, so a concurrent creator waits and takes the
    following number, and a rollback gives the number back. The row of a new year is inserted
    first, ignoring a concurrent insert of the same row, so the lock is always taken on one
    existing row.
    """
    year = timezone.localdate().year
    ReferenceCounter.objects.bulk_create(
        [ReferenceCounter(prefix=prefix, year=year)], ignore_conflicts=True
    )
    counter = ReferenceCounter.objects.select_for_update().get(prefix=prefix, year=year)
    ReferenceCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    return format_reference(prefix, year, counter.last + 1)


def typed_reference(text: str, prefix: str) -> str | None:
    """The reference of kind ``prefix`` an officer typed (case-insensitive, the prefix and the
    leading zeros optional), or None when ``text`` is not one or names another kind."""
    found = _TYPED.match(text)
    if found is None:
        return None
    typed_prefix, year, number = found.groups()
    if typed_prefix and typed_prefix.upper() != prefix:
        return None
    return format_reference(prefix, int(year), int(number))


def number_existing(model, counter_model, *, prefix: str, date_field: str) -> None:
    """Data migration: number the rows of ``model`` that have no reference yet, per year of
    ``date_field`` in order of that date (then of creation), and leave each year's counter at
    its last number. Takes the historical models the migration hands over."""
    last: dict[int, int] = {}
    rows = model.objects.filter(reference__isnull=True).order_by(date_field, "id")
    for row in rows.only("id", date_field).iterator():
        year = getattr(row, date_field).year
        last[year] = last.get(year, 0) + 1
        model.objects.filter(pk=row.pk).update(reference=format_reference(prefix, year, last[year]))
    for year, number in last.items():
        counter_model.objects.update_or_create(prefix=prefix, year=year, defaults={"last": number})
