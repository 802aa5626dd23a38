"""The two letters of a screening to the applicant: the intention (voornemen, Awb art. 4:8)
and the decision on the application, as PDF through the shared letter layout
(``templates/letters/letter.html``).

Signed by the office that decides on the permit kind, never by an official (ARCHITECTURE.md);
the context holds no user. The letters name the applicant alone: no party in a business
relationship, no finding of the own investigation and nothing of the LBB's advice but its date
and its degree of danger, which the applicant is entitled to know (Wet Bibob art. 33).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from weerbaar.core import pdf
from weerbaar.screening.constants import Authority, Decision, Degree, Intention, LetterKind
from weerbaar.screening.deadlines import opinion_due
from weerbaar.screening.models import Screening


def _day(value) -> str:
    return formats.date_format(value, "j F Y")


def _place() -> str:
    return settings.MUNICIPALITY_NAME.removeprefix("Gemeente ").strip()


def signatory(s: Screening) -> str:
    if s.permit_kind.authority == Authority.COLLEGE:
        return _("The college of mayor and aldermen of %(place)s") % {"place": _place()}
    return _("The mayor of %(place)s") % {"place": _place()}


def refusal(s: Screening, kind: str) -> str:
    """What must be recorded before the letter can be made; empty when it can."""
    if kind == LetterKind.INTENTION:
        return "" if s.intention_sent_on else _("Record first that the intention was sent.")
    if kind == LetterKind.DECISION:
        if s.decision == Decision.WITHDRAWN:
            return _("A withdrawn application gets no decision letter.")
        return "" if s.decided_on else _("Record the decision first.")
    return _("This letter does not exist.")


def letter_date(s: Screening, kind: str):
    return s.intention_sent_on if kind == LetterKind.INTENTION else s.decided_on


def _application(s: Screening) -> str:
    return _(
        "On %(received)s you applied for a permit: %(kind)s. Before deciding, the "
        "municipality examined the application under the Wet Bibob (Wet bevordering "
        "integriteitsbeoordelingen door het openbaar bestuur)."
    ) % {"received": _day(s.application_received_on), "kind": s.permit_kind.name}


def _advice(s: Screening) -> list[str]:
    if not s.lbb_advised_on:
        return [
            _(
                "The municipality based its assessment on its own investigation, with the "
                "questionnaire you returned and the registers it keeps."
            )
        ]
    informed = (
        _(" You were informed of this request on %(day)s.") % {"day": _day(s.applicant_informed_on)}
        if s.applicant_informed_on
        else ""
    )
    return [
        _("On %(asked)s the Landelijk Bureau Bibob was asked for advice.")
        % {"asked": _day(s.lbb_requested_on)}
        + informed,
        _("The advice of %(day)s states: %(degree)s.")
        % {"day": _day(s.lbb_advised_on), "degree": Degree(s.lbb_degree).label.lower()},
    ]


def _ground(decision: str) -> str:
    if decision == Decision.REFUSE:
        return _(
            "There is a serious degree of danger that the permit would also be used to gain "
            "financial advantage from criminal offences, or to commit criminal offences (Wet "
            "Bibob art. 3, first paragraph)."
        )
    return _(
        "There is a lesser degree of danger that the permit would also be used to gain "
        "financial advantage from criminal offences, or to commit criminal offences; "
        "conditions meant to limit that danger can be attached to the permit (Wet Bibob "
        "art. 3, third paragraph)."
    )


def _intention_paragraphs(s: Screening) -> list[str]:
    if s.intention == Intention.REFUSE:
        intent = _("The municipality intends to refuse the permit.")
    else:
        intent = _("The municipality intends to grant the permit with these conditions: %(c)s") % {
            "c": s.conditions
        }
    return [
        _application(s),
        *_advice(s),
        intent + " " + _ground(s.intention),
        _(
            "Before a decision is taken you may give your opinion (zienswijze) on this "
            "intention, in writing or by telling us, until %(day)s (Awb art. 4:8). You may "
            "inspect the advice insofar as it concerns you; the data of others are left out."
        )
        % {"day": _day(opinion_due(s))},
    ]


def _opinion(s: Screening) -> list[str]:
    if s.opinion_received_on:
        return [
            _("You gave your opinion on %(day)s. In short: %(summary)s")
            % {"day": _day(s.opinion_received_on), "summary": s.opinion_summary},
            _("Our answer: %(answer)s") % {"answer": s.opinion_answer},
        ]
    if s.intention_sent_on:
        return [
            _("You did not give an opinion on the intention of %(day)s.")
            % {"day": _day(s.intention_sent_on)}
        ]
    return []


def _decision_paragraphs(s: Screening) -> list[str]:
    outcome = {
        Decision.GRANT: _("The permit is granted."),
        Decision.CONDITIONS: _("The permit is granted with these conditions: %(c)s")
        % {"c": s.conditions},
        Decision.REFUSE: _("The permit is refused."),
    }[s.decision]
    ground = (
        " " + _ground(s.decision) if s.decision in (Decision.REFUSE, Decision.CONDITIONS) else ""
    )
    return [
        _application(s),
        *_advice(s),
        *_opinion(s),
        outcome + ground,
        _(
            "Do you disagree with this decision? Then you may object within six weeks of the "
            "day after it was sent, to %(address)s. State your name and address, the date, "
            "the decision you object to and why, and sign the objection. An objection does "
            "not suspend the decision; in an urgent case you may ask the voorzieningenrechter "
            "of the %(court)s for a provisional measure (voorlopige voorziening)."
        )
        % {"address": settings.MUNICIPALITY_POSTAL_ADDRESS, "court": settings.COURT_NAME},
    ]


def context(s: Screening, kind: str) -> dict:
    title = str(LetterKind(kind).label)
    paragraphs = (
        _intention_paragraphs(s) if kind == LetterKind.INTENTION else _decision_paragraphs(s)
    )
    return {
        "municipality": settings.MUNICIPALITY_NAME,
        "title": title,
        "date": _day(letter_date(s, kind)),
        # The screening's number: what the applicant quotes when they answer.
        "reference": s.reference,
        "addressee": s.applicant.label,
        "subject": pgettext("letter", "%(title)s on your application: %(kind)s")
        % {"title": title, "kind": s.permit_kind.name},
        "paragraphs": paragraphs,
        "mailbox": settings.GENERAL_MAILBOX,
        "postal_address": settings.MUNICIPALITY_POSTAL_ADDRESS,
        "signatory": signatory(s),
    }


def render(s: Screening, kind: str) -> bytes:
    return pdf.render(render_to_string("letters/letter.html", {"letter": context(s, kind)}))
