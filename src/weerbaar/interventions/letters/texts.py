"""Named placeholders in a letter's paragraph texts: {maatregel}, {grondslag} ...

A text is checked when the beheerder saves it: only the placeholders its paragraph offers,
written plainly (no attribute, index or format after the name), so nothing but the facts
named here can ever end up in a letter.
"""

from string import Formatter

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Every placeholder a letter knows, with what it becomes (shown in the text editor).
PLACEHOLDERS = {
    "gemeente": gettext_lazy("the municipality's name"),
    "bestuursorgaan": gettext_lazy("who decides and signs, e.g. the mayor of the municipality"),
    "kenmerk": gettext_lazy("the case number the addressee quotes"),
    "maatregel": gettext_lazy("the measure as its name, with its duration"),
    "grondslag": gettext_lazy("the legal basis of the measure"),
    "adres": gettext_lazy("the premises or location"),
    "postadres": gettext_lazy("the municipality's postal address"),
    "mailbox": gettext_lazy("the general mailbox"),
    "datum_rapport": gettext_lazy("the date of the police or administrative report"),
    "kenmerk_rapport": gettext_lazy("the reference of that report"),
    "bevinding": gettext_lazy("what was found"),
    "datum_voornemen": gettext_lazy("the day the intention was sent"),
    "zienswijzetermijn": gettext_lazy("the opinion term in weeks"),
    "einde_zienswijze": gettext_lazy("the last day of the opinion term"),
    "datum_zienswijze": gettext_lazy("the day the opinion was received"),
    "zienswijze": gettext_lazy("the opinion in short"),
    "reactie_zienswijze": gettext_lazy("our answer to the opinion"),
    "reden_spoed": gettext_lazy("why no opinion was asked (urgency)"),
    "beleid": gettext_lazy("the policy's name, e.g. Damoclesbeleid"),
    "situatie": gettext_lazy("premises, finding and offence number of the policy matrix"),
    "beleidsmaatregel": gettext_lazy("the measure the policy matrix gives"),
    "reden_afwijking": gettext_lazy("why the measure deviates from the policy"),
    "evenredigheid": gettext_lazy("the interests weighed (proportionality)"),
    "duur": gettext_lazy("the duration, e.g. 3 months"),
    "ingangsdatum": gettext_lazy("the day the measure takes effect"),
    "bezwaartermijn": gettext_lazy("the objection term in weeks"),
    "rechtbank": gettext_lazy("the court"),
    "bedrag": gettext_lazy("the penalty amount"),
    "eenheid": gettext_lazy("per what the penalty is forfeited"),
    "maximum": gettext_lazy("the maximum penalty"),
    "begunstigingstermijn": gettext_lazy("the compliance term in days"),
    "datum_besluit": gettext_lazy("the day of the decision"),
    "datum_bezwaar": gettext_lazy("the day the objection was received"),
    "uitkomst": gettext_lazy("the outcome of the objection, e.g. unfounded"),
    "motivering": gettext_lazy("the reasons of the decision on objection"),
    "beroepstermijn": gettext_lazy("the appeal term in weeks"),
}
# Every paragraph may use these.
COMMON = frozenset(
    {"gemeente", "bestuursorgaan", "kenmerk", "maatregel", "grondslag", "adres"}
    | {"postadres", "mailbox"}
)


def _parts(text: str):
    return list(Formatter().parse(text))


def problems(text: str, allowed: frozenset) -> list[str]:
    """What is wrong with a paragraph text, in Dutch: empty, a brace not closed, or a
    placeholder its paragraph does not offer."""
    if not text.strip():
        return [_("Write the paragraph, or restore the standard text.")]
    try:
        parts = _parts(text)
    except ValueError:
        return [
            _(
                "A brace { or } is not closed. Write a placeholder as {maatregel}, "
                "or a brace itself as {{ or }}."
            )
        ]
    return [
        _("Unknown placeholder {%(name)s}. This paragraph can use: %(allowed)s.")
        % {"name": name, "allowed": ", ".join(f"{{{n}}}" for n in sorted(allowed))}
        for _literal, name, spec, conversion in parts
        if name is not None and (name not in allowed or spec or conversion)
    ]


def check(text: str, allowed: frozenset) -> None:
    """Refuse a text with a placeholder its paragraph does not offer (a Dutch message)."""
    found = problems(text, allowed)
    if found:
        raise ValidationError(found)


def fill(text: str, values: dict) -> str:
    """The text with its placeholders replaced; a checked text names only known values."""
    return "".join(
        literal + (str(values.get(name, "")) if name is not None else "")
        for literal, name, _spec, _conversion in _parts(text)
    )
