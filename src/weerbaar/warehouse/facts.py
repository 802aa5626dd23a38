"""What an alert's facts mean: their labels for the page, and the registry keys in them that
point at subjects in the application (an address, an organisation, a person)."""

from django.utils.translation import gettext_lazy as _

from weerbaar.subjects.comparisons import COMPARED, OUTCOMES, weights_shown  # noqa: F401

# Columns the rules return, in the analyst's words; anything else shows under its own name.
LABELS = {
    "verblijfsobject_id": _("BAG object"),
    "postcode": _("Postcode"),
    "house_number": _("House number"),
    "house_letter": _("House letter"),
    "addition": _("Addition"),
    "street": _("Street"),
    "place": _("Place"),
    "surface_m2": _("Surface (m²)"),
    "persons": _("Persons registered"),
    "use_purpose": _("Use purpose"),
    "changes": _("Registrations and deregistrations"),
    "until": _("Up to and including"),
    "businesses": _("Establishments"),
    "divisions": _("Branches (SBI sections)"),
    "name": _("Name"),
    "code": _("SBI code"),
    "title": _("Branch"),
    "founded_on": _("Founded on"),
    "kvk_number": _("KvK number"),
    "measure": _("Measure"),
    "closed_address": _("Closed premises"),
    "decided_on": _("Decided on"),
    "since": _("Since"),
    "new_what": _("Turned up as"),
    "permit_type": _("Permit"),
}
# Keys that only serve to find subjects: a hashed BSN means nothing to a reader.
HIDDEN = {"bsn_hash"}


def shown(facts: dict) -> list[tuple[str, object]]:
    return [(LABELS.get(k, k), v) for k, v in facts.items() if k not in HIDDEN]


def refs(facts: dict) -> dict:
    """The registry keys of a hit, for ``subjects.selectors.subjects_for_registry``."""
    address = tuple(facts.get(k) for k in ("postcode", "house_number", "house_letter", "addition"))
    return {
        "object_ids": [facts.get("verblijfsobject_id")],
        "addresses": [address] if address[0] and address[1] else [],
        "kvk_numbers": [facts.get("kvk_number")],
        "bsn_hashes": [facts.get("bsn_hash")],
    }
