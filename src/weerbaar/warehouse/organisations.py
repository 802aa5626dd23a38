"""Organisations the warehouse flags become subjects (#18): an open alert that names a KvK
number with no organisation in the application yet gets one, copied from the KvK record in
the alert (name, SBI code, date of foundation), with source "KvK" so retention treats it as
registry data. It is then found by the subject search, opens from the alert and gathers its
alerts, signals and cases on its page; its address is linked when the application has it."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from weerbaar.subjects.models import Address, Organisation
from weerbaar.subjects.services import organisation_create, relation_create
from weerbaar.warehouse.models import Alert

SOURCE = "KvK"


def _founded(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _named(alerts) -> dict[str, dict]:
    """The facts of one open alert per KvK number the alerts name."""
    found: dict[str, dict] = {}
    for facts in alerts.values_list("facts", flat=True).iterator(chunk_size=2000):
        number = str(facts.get("kvk_number") or "")
        if len(number) == 8 and number.isdigit() and facts.get("name"):
            found.setdefault(number, facts)
    return found


def _address(facts: dict) -> Address | None:
    if not (facts.get("postcode") and facts.get("house_number")):
        return None
    return (
        Address.objects.filter(
            postcode=facts["postcode"],
            house_number=facts["house_number"],
            house_letter=facts.get("house_letter") or "",
            house_number_addition=facts.get("addition") or "",
        )
        .select_related("subject")
        .first()
    )


def add_flagged(*, actor=None) -> int:
    """Make the organisations open alerts name that the application does not have yet;
    returns how many were made."""
    named = _named(Alert.objects.filter(status=Alert.Status.OPEN, facts__has_key="kvk_number"))
    numbers, known = list(named), set()
    for start in range(0, len(numbers), 2000):  # under SQLite's limit of parameters
        chunk = numbers[start : start + 2000]
        known.update(
            Organisation.objects.filter(kvk_number__in=chunk).values_list("kvk_number", flat=True)
        )
    made = 0
    for number, facts in named.items():
        if number in known:
            continue
        try:
            with transaction.atomic():  # the organisation with its address, or neither
                subject = organisation_create(
                    actor=actor,
                    name=str(facts["name"])[:200],
                    source=SOURCE,
                    kvk_number=number,
                    sbi_codes=[str(facts["code"])] if facts.get("code") else [],
                    founded_on=_founded(facts.get("founded_on")),
                )
                address = _address(facts)
                if address is not None:
                    relation_create(
                        actor=actor,
                        kind="registered_at",
                        from_subject=subject,
                        to_subject=address.subject,
                        source=SOURCE,
                    )
        except (ValidationError, IntegrityError):
            continue  # made in the meantime, or refused (a restricted address): next scan
        made += 1
    return made
