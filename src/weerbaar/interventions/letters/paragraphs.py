"""The built-in paragraphs of the letters: a text from the catalogue with named placeholders,
the placeholders it may use beyond ``texts.COMMON``, and when it is part of the letter."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from weerbaar.interventions.letters.texts import COMMON


def always(_i) -> bool:
    return True


@dataclass(frozen=True)
class Paragraph:
    key: str
    label: Promise
    default: Promise
    extra: frozenset = frozenset()
    when: Callable = always
    when_label: Promise | None = None

    @property
    def names(self) -> frozenset:
        return COMMON | self.extra


def _opinion_given(i) -> bool:
    return bool(i.opinion_received_on)


def _opinion_not_given(i) -> bool:
    return bool(i.intention_sent_on) and not i.opinion_received_on and not i.opinion_skipped_reason


def _opinion_skipped(i) -> bool:
    return bool(i.opinion_skipped_reason) and not i.opinion_received_on


FACTS = Paragraph(
    "facts",
    gettext_lazy("Facts"),
    pgettext_lazy(
        "letter",
        "In the report of {datum_rapport} (reference {kenmerk_rapport}) the following was "
        "established at {adres}: {bevinding}.",
    ),
    frozenset({"datum_rapport", "kenmerk_rapport", "bevinding"}),
)
GROUND = Paragraph(
    "ground",
    gettext_lazy("Legal ground"),
    pgettext_lazy(
        "letter",
        "We base this decision on {grondslag}. This provision gives us the power to take "
        "this measure.",
    ),
)
POLICY = Paragraph(
    "policy",
    gettext_lazy("Assessment under the policy matrix"),
    pgettext_lazy(
        "letter",
        "Under the {beleid} this situation ({situatie}) calls for the measure: {beleidsmaatregel}.",
    ),
    frozenset({"beleid", "situatie", "beleidsmaatregel"}),
    lambda i: bool(i.suggestion),
    gettext_lazy("only when the policy matrix gave a measure"),
)
DEVIATION = Paragraph(
    "deviation",
    gettext_lazy("Reason to deviate from the policy"),
    pgettext_lazy("letter", "We deviate from the policy for this reason: {reden_afwijking}"),
    frozenset({"reden_afwijking"}),
    lambda i: bool(i.deviation_reason),
    gettext_lazy("only when the measure deviates from the policy"),
)
OPINION_GIVEN = Paragraph(
    "opinion_given",
    gettext_lazy("The opinion and our answer"),
    pgettext_lazy(
        "letter",
        "On {datum_zienswijze} you gave your opinion (zienswijze). In short: {zienswijze} "
        "Our answer: {reactie_zienswijze}",
    ),
    frozenset({"datum_zienswijze", "zienswijze", "reactie_zienswijze"}),
    _opinion_given,
    gettext_lazy("only when an opinion was received"),
)
OPINION_NOT_GIVEN = Paragraph(
    "opinion_not_given",
    gettext_lazy("No opinion given"),
    pgettext_lazy(
        "letter",
        "In our letter of {datum_voornemen} we gave you the opportunity to give your opinion "
        "until {einde_zienswijze}. You did not make use of it.",
    ),
    frozenset({"datum_voornemen", "einde_zienswijze"}),
    _opinion_not_given,
    gettext_lazy("only when the intention was sent and no opinion came"),
)
OPINION_SKIPPED = Paragraph(
    "opinion_skipped",
    gettext_lazy("No opinion asked (urgency)"),
    pgettext_lazy(
        "letter",
        "Because of the urgency we did not ask for your opinion beforehand: {reden_spoed}",
    ),
    frozenset({"reden_spoed"}),
    _opinion_skipped,
    gettext_lazy("only when no opinion was asked because of urgency"),
)
PROPORTIONALITY = Paragraph(
    "proportionality",
    gettext_lazy("Proportionality"),
    pgettext_lazy(
        "letter",
        "We have weighed the interests involved. {evenredigheid} We therefore consider the "
        "measure proportionate to its aims (article 3:4 Awb).",
    ),
    frozenset({"evenredigheid"}),
)
DURATION = Paragraph(
    "duration",
    gettext_lazy("Duration and start"),
    pgettext_lazy("letter", "The measure takes effect on {ingangsdatum} and lasts {duur}."),
    frozenset({"ingangsdatum", "duur"}),
    lambda i: bool(i.duration_months or i.indefinite),
    gettext_lazy("only for a measure with a duration"),
)
OBJECTION = Paragraph(
    "objection",
    gettext_lazy("Objection clause"),
    pgettext_lazy(
        "letter",
        "Do you disagree with this decision? Then you can object (bezwaar) within "
        "{bezwaartermijn} weeks of the day after this letter was sent. Send your signed "
        "objection to: {bestuursorgaan}, {postadres}. Give your name and address, the date, "
        "the reference {kenmerk}, the decision you object to and why.",
    ),
    frozenset({"bezwaartermijn"}),
)
INTERIM_RELIEF = Paragraph(
    "interim_relief",
    gettext_lazy("Provisional relief"),
    pgettext_lazy(
        "letter",
        "An objection does not suspend this decision. If the matter is urgent, you can ask "
        "the preliminary relief judge (voorzieningenrechter) of the {rechtbank} for a "
        "provisional measure (voorlopige voorziening), once you have objected. The court "
        "charges a fee for this.",
    ),
    frozenset({"rechtbank"}),
)
