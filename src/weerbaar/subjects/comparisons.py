"""How two records were compared by the record linkage, in the analyst's words: shown
with a registry link, a list screening's hit and a possible duplicate subject."""

from django.utils.translation import gettext_lazy as _

# Record linkage: what was compared and how it came out (codes of warehouse.linkage).
COMPARED = {
    "name": _("Name"),
    "house_number": _("House number"),
    "surname": _("Surname"),
    "given_name": _("Given name"),
    "birth_date": _("Date of birth"),
    "postcode": _("Postcode"),
    "address": _("Address"),
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
    "two_digits": _("two digits differ"),
    "swapped": _("given name and surname swapped"),
    "crossed": _("found in the other name field"),
    "same_street_no_number": _("same street and postcode, house number on one side only"),
    "same_street": _("same street or postcode, another house number"),
    "same_place": _("same place"),
    "same_area": _("same postcode area"),
    "different": _("different"),
}


def weights_shown(weights: dict) -> list[tuple[str, str, float]]:
    return [
        (COMPARED.get(name, name), OUTCOMES.get(v["level"], v["level"]), v["weight"])
        for name, v in weights.items()
    ]
