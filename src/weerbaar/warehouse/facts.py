"""What an alert's facts mean: their labels for the page, and the registry keys in them that
point at subjects in the application (an address, an organisation, a person)."""

from django.utils.translation import gettext_lazy as _

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


# Record linkage: what was compared and how it came out (codes of warehouse.linkage).
COMPARED = {
    "name": _("Name"),
    "house_number": _("House number"),
    "surname": _("Surname"),
    "given_name": _("Given name"),
    "birth_date": _("Date of birth"),
    "postcode": _("Postcode"),
}
OUTCOMES = {
    "missing": _("missing on one side"),
    "same": _("the same"),
    "prefix_differs": _("the same, name prefix written differently"),
    "very_similar": _("very similar"),
    "similar": _("similar"),
    "initial_same": _("only an initial, and it agrees"),
    "day_month_swapped": _("day and month swapped"),
    "one_digit": _("one digit differs"),
    "same_area": _("same postcode area"),
    "different": _("different"),
}


def weights_shown(weights: dict) -> list[tuple[str, str, float]]:
    return [
        (COMPARED.get(name, name), OUTCOMES.get(v["level"], v["level"]), v["weight"])
        for name, v in weights.items()
    ]
