"""The warehouse's records about one subject, for the overview of a data subject's request
(``core.subject_records``, read by the privacy app, a sibling): the registry records it was
linked to and the alerts raised about the person or the address."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.core import subject_records
from weerbaar.core.subject_records import Record
from weerbaar.warehouse.models import Alert, RegistryLink


def alert_keys(subject) -> Q | None:
    if subject.kind == "address":
        address = subject.address
        keys = [address.bag_verblijfsobject_id] if address.bag_verblijfsobject_id else []
        if address.postcode:
            parts = [address.postcode, str(address.house_number), address.house_letter]
            keys.append(" ".join(p for p in [*parts, address.house_number_addition] if p))
        return Q(key__in=keys) if keys else None
    if subject.kind == "person":
        hashes = set(_links(subject).values_list("registry_key", flat=True))
        if subject.person.bsn_hash:
            hashes.add(subject.person.bsn_hash)
        found = Q()
        for value in hashes:
            found |= Q(key__startswith=f"persoon {value[:12]} ")
        return found or None
    if subject.kind == "organisation" and subject.organisation.kvk_number:
        return Q(facts__kvk_number=subject.organisation.kvk_number)
    return None


def _links(subject):
    # A pair the analyst rejected, or one still to review, is someone else until decided.
    sure = [RegistryLink.Status.LINKED, RegistryLink.Status.CONFIRMED]
    return RegistryLink.objects.filter(subject=subject, status__in=sure)


def find(subject):
    for link in _links(subject).order_by("found_at", "pk"):
        yield Record(
            group=_("Information warehouse"),
            object_type="warehouse.registrylink",
            terms=("warehouse_import",),
            object_id=str(link.uuid),
            reference=link.get_kind_display(),
            title=_("Linked to a record of the basisregistraties"),
            day=timezone.localdate(link.found_at),
            facts=(
                (_("Status"), link.get_status_display()),
                (_("Match probability"), f"{link.match_probability:.0%}"),
            ),
        )
    keys = alert_keys(subject)
    if keys is None:
        return
    for alert in Alert.objects.filter(keys).order_by("raised_at", "pk"):
        yield Record(
            group=_("Information warehouse"),
            object_type="warehouse.alert",
            terms=("warehouse_alert",),
            object_id=str(alert.uuid),
            reference=alert.rule,
            title=alert.explanation,
            day=timezone.localdate(alert.raised_at),
            facts=(
                (_("Explanation"), alert.explanation),
                (_("Status"), alert.get_status_display()),
                (_("Raised on"), timezone.localdate(alert.raised_at).strftime("%d-%m-%Y")),
            ),
        )


def register() -> None:
    subject_records.register("warehouse", find, order=100)
