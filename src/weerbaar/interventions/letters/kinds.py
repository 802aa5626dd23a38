"""The letter set: which letters a measure has, from which step of the procedure each can be
made, the date it carries (the step's date) and its paragraphs.

A letter is available only when everything its paragraphs say is recorded, so no letter can
hold a placeholder or an empty date: what is missing is named in the refusal instead.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from weerbaar.interventions.letters import paragraphs as p
from weerbaar.interventions.letters.paragraphs import Paragraph
from weerbaar.interventions.models import Intervention

WARNING_CODE = "bestuurlijke-waarschuwing"


@dataclass(frozen=True)
class Kind:
    key: str
    title: Promise
    offered: Callable  # instrument -> bool: the letter belongs to this measure
    step: str  # the date field that makes the letter possible and dates it ("" = any time)
    step_label: Promise
    needs: Callable  # intervention -> the further fields it needs
    paragraphs: tuple[Paragraph, ...]

    def paragraph(self, key: str) -> Paragraph:
        return next(para for para in self.paragraphs if para.key == key)


def _report(_i) -> list[str]:
    return ["police_report_on", "police_report_reference"]


def _decision(i) -> list[str]:
    needs = [*_report(i), "proportionality"]
    if i.opinion_received_on:
        needs += ["opinion_summary", "opinion_answer"]
    if i.duration_months or i.indefinite:
        needs.append("starts_on")
    return needs


def _objection(_i) -> list[str]:
    return ["objection_outcome", "objection_reasoning"]


WARNING = Paragraph(
    "warning",
    gettext_lazy("The warning"),
    pgettext_lazy(
        "letter",
        "This is a violation of {grondslag}. We hereby give you a formal warning "
        "(bestuurlijke waarschuwing).",
    ),
)
REPEAT = Paragraph(
    "repeat",
    gettext_lazy("What happens on a repeat"),
    pgettext_lazy(
        "letter",
        "If a violation is found again at {adres}, we can close the premises without a "
        "further warning, under the {beleid}.",
    ),
    frozenset({"beleid"}),
)
NOT_A_DECISION = Paragraph(
    "not_a_decision",
    gettext_lazy("No objection possible"),
    pgettext_lazy(
        "letter",
        "This letter is not a decision in the sense of the Awb; you cannot object to it.",
    ),
)
INTENTION = Paragraph(
    "intention",
    gettext_lazy("The intention"),
    pgettext_lazy(
        "letter",
        "We intend to take the following measure on the basis of {grondslag}: {maatregel}, "
        "for {adres}.",
    ),
)
OPINION_INVITED = Paragraph(
    "opinion_invited",
    gettext_lazy("Opinion: term and address"),
    pgettext_lazy(
        "letter",
        "Before we decide, you can give your opinion (zienswijze) within {zienswijzetermijn} "
        "weeks, at the latest on {einde_zienswijze}: in writing to {postadres} or to "
        "{mailbox}, or orally if you let us know before that day. Mention the reference "
        "{kenmerk}.",
    ),
    frozenset({"zienswijzetermijn", "einde_zienswijze"}),
)
RECEIVED = Paragraph(
    "received",
    gettext_lazy("Receipt"),
    pgettext_lazy(
        "letter",
        "On {datum_zienswijze} we received your opinion on our intention of {datum_voornemen} "
        "to take the measure {maatregel}.",
    ),
    frozenset({"datum_zienswijze", "datum_voornemen"}),
)
NEXT = Paragraph(
    "next",
    gettext_lazy("What happens next"),
    pgettext_lazy(
        "letter",
        "We take your opinion into account before we decide. You will receive our decision "
        "in writing.",
    ),
)
DECIDED = Paragraph(
    "decided",
    gettext_lazy("The decision"),
    pgettext_lazy(
        "letter", "We have decided to take the following measure: {maatregel}, for {adres}."
    ),
)
ORDER = Paragraph(
    "order",
    gettext_lazy("The order"),
    pgettext_lazy(
        "letter",
        "You are violating {grondslag} at {adres}. We therefore impose an order subject to a "
        "penalty (last onder dwangsom) on you.",
    ),
)
COMPLY = Paragraph(
    "comply",
    gettext_lazy("Compliance term"),
    pgettext_lazy(
        "letter",
        "You must end the violation within {begunstigingstermijn} days of the day after this "
        "letter was sent, and keep it ended.",
    ),
    frozenset({"begunstigingstermijn"}),
    lambda i: bool(i.instrument.compliance_days),
    gettext_lazy("only when the measure has a compliance term"),
)
COMPLY_NOW = Paragraph(
    "comply_now",
    gettext_lazy("Compliance without a term"),
    pgettext_lazy("letter", "You must end the violation at once and keep it ended."),
    frozenset(),
    lambda i: not i.instrument.compliance_days,
    gettext_lazy("only when the measure has no compliance term"),
)
PENALTY = Paragraph(
    "penalty",
    gettext_lazy("The penalty"),
    pgettext_lazy(
        "letter",
        "If you do not, you forfeit a penalty of € {bedrag} {eenheid}, up to a maximum of "
        "€ {maximum}.",
    ),
    frozenset({"bedrag", "eenheid", "maximum"}),
)
OBJECTION_RECEIVED = Paragraph(
    "objection_received",
    gettext_lazy("The objection"),
    pgettext_lazy(
        "letter",
        "On {datum_bezwaar} we received your objection to our decision of {datum_besluit}: "
        "{maatregel}.",
    ),
    frozenset({"datum_bezwaar", "datum_besluit"}),
)
OUTCOME = Paragraph(
    "outcome",
    gettext_lazy("Outcome and reasons"),
    pgettext_lazy("letter", "We declare your objection {uitkomst}. Our reasons: {motivering}"),
    frozenset({"uitkomst", "motivering"}),
)
UPHELD = Paragraph(
    "upheld",
    gettext_lazy("The decision stands"),
    pgettext_lazy("letter", "The decision of {datum_besluit} stays in force."),
    frozenset({"datum_besluit"}),
    lambda i: i.objection_outcome in ("unfounded", "inadmissible"),
    gettext_lazy("only when the objection is unfounded or inadmissible"),
)
REVOKED = Paragraph(
    "revoked",
    gettext_lazy("The decision is revoked"),
    pgettext_lazy("letter", "We revoke the decision of {datum_besluit}."),
    frozenset({"datum_besluit"}),
    lambda i: i.objection_outcome == "founded",
    gettext_lazy("only when the objection is well-founded"),
)
CHANGED = Paragraph(
    "changed",
    gettext_lazy("The decision is changed"),
    pgettext_lazy("letter", "We change the decision of {datum_besluit} as far as set out above."),
    frozenset({"datum_besluit"}),
    lambda i: i.objection_outcome == "partly",
    gettext_lazy("only when the objection is partly well-founded"),
)
APPEAL = Paragraph(
    "appeal",
    gettext_lazy("Appeal clause"),
    pgettext_lazy(
        "letter",
        "Do you disagree with this decision on your objection? Then you can appeal (beroep) "
        "to the {rechtbank} within {beroepstermijn} weeks of the day after this letter was "
        "sent. You can also ask the preliminary relief judge (voorzieningenrechter) of the "
        "{rechtbank} for a provisional measure (voorlopige voorziening). The court charges a "
        "fee for both.",
    ),
    frozenset({"rechtbank", "beroepstermijn"}),
)

OPINION = (p.OPINION_GIVEN, p.OPINION_NOT_GIVEN, p.OPINION_SKIPPED)
CLAUSES = (p.OBJECTION, p.INTERIM_RELIEF)
KINDS = {
    kind.key: kind
    for kind in (
        Kind(
            "waarschuwing",
            pgettext_lazy("letter", "Formal warning"),
            lambda ins: ins.code == WARNING_CODE,
            "",
            gettext_lazy("any time"),
            _report,
            (p.FACTS, WARNING, REPEAT, NOT_A_DECISION),
        ),
        Kind(
            "voornemen",
            pgettext_lazy("letter", "Intention"),
            lambda ins: ins.is_decision,
            "intention_sent_on",
            gettext_lazy("once the day the intention was sent is recorded"),
            _report,
            (INTENTION, p.FACTS, OPINION_INVITED, NOT_A_DECISION),
        ),
        Kind(
            "ontvangstbevestiging",
            pgettext_lazy("letter", "Acknowledgement of your opinion"),
            lambda ins: ins.is_decision,
            "opinion_received_on",
            gettext_lazy("once the day the opinion was received is recorded"),
            lambda i: [],
            (RECEIVED, NEXT),
        ),
        Kind(
            "besluit",
            pgettext_lazy("letter", "Decision"),
            lambda ins: ins.is_decision and not ins.is_penalty,
            "decision_on",
            gettext_lazy("once the day of the decision is recorded"),
            _decision,
            (
                DECIDED,
                p.FACTS,
                p.GROUND,
                p.POLICY,
                p.DEVIATION,
                *OPINION,
                p.PROPORTIONALITY,
                p.DURATION,
                *CLAUSES,
            ),
        ),
        Kind(
            "dwangsom",
            pgettext_lazy("letter", "Order subject to a penalty"),
            lambda ins: ins.is_penalty,
            "decision_on",
            gettext_lazy("once the day of the decision is recorded"),
            _decision,
            (ORDER, p.FACTS, p.GROUND, COMPLY, COMPLY_NOW, PENALTY, *OPINION)
            + (p.PROPORTIONALITY, *CLAUSES),
        ),
        Kind(
            "beslissing-op-bezwaar",
            pgettext_lazy("letter", "Decision on objection"),
            lambda ins: ins.is_decision,
            "objection_decided_on",
            gettext_lazy("once the day the objection was decided is recorded"),
            _objection,
            (OBJECTION_RECEIVED, OUTCOME, UPHELD, REVOKED, CHANGED, APPEAL),
        ),
    )
}


def kinds_for(intervention: Intervention) -> list[Kind]:
    """The letters that belong to the measure, in the order of the procedure."""
    return [kind for kind in KINDS.values() if kind.offered(intervention.instrument)]


def letter_date(intervention: Intervention, kind: Kind):
    """The letter's date: the date of its step (a warning: the day it is made)."""
    return getattr(intervention, kind.step) if kind.step else timezone.localdate()


def refusal(intervention: Intervention, kind_key: str) -> str:
    """Why the letter cannot be made yet, in Dutch; empty when it can."""
    kind = KINDS.get(kind_key)
    if kind is None or not kind.offered(intervention.instrument):
        return _("This measure has no such letter.")
    if kind.step and not getattr(intervention, kind.step):
        return _("This letter can be made %(when)s.") % {"when": kind.step_label}
    missing = [
        str(Intervention._meta.get_field(name).verbose_name)
        for name in kind.needs(intervention)
        if not getattr(intervention, name)
    ]
    if missing:
        return _("Record first: %(missing)s.") % {"missing": "; ".join(missing)}
    return ""


def paragraph_help(paragraph: Paragraph) -> str:
    names = ", ".join(f"{{{name}}}" for name in sorted(paragraph.names))
    text = _("Placeholders: %(names)s") % {"names": names}
    return f"{text} ({paragraph.when_label})" if paragraph.when_label else text
