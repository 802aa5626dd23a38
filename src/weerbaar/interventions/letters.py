"""Decision letters (voornemen, besluit, last onder dwangsom) as .docx through docxtpl and as
PDF through WeasyPrint, from the same context.

Letters are signed by the office ("De burgemeester van ..."), never with the name, initials
or telephone number of the handling official, and name the general mailbox for replies
(DOMAIN.md, staff safety). The context deliberately holds no user at all.
"""

import io
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import pgettext, pgettext_lazy

from weerbaar.core import pdf
from weerbaar.core.deadlines import equated_days, term_end
from weerbaar.interventions.models import Intervention

BUILT_IN = Path(__file__).resolve().parent / "letter_templates"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
TITLES = {
    "voornemen": pgettext_lazy("letter", "Intention"),
    "besluit": pgettext_lazy("letter", "Decision"),
    "dwangsom": pgettext_lazy("letter", "Order subject to a penalty"),
}
UNITS = {
    "violation": pgettext_lazy("letter", "per violation"),
    "day": pgettext_lazy("letter", "per day"),
    "week": pgettext_lazy("letter", "per week"),
}


def available(intervention: Intervention) -> list[str]:
    instrument = intervention.instrument
    kinds = ["voornemen", "besluit"] if instrument.is_decision else []
    return kinds + (["dwangsom"] if instrument.is_penalty else [])


def _day(value) -> str:
    return formats.date_format(value, "j F Y") if value else pgettext("letter", "[date]")


def _place() -> str:
    return settings.MUNICIPALITY_NAME.removeprefix("Gemeente ").strip()


def _signatory(intervention: Intervention) -> str:
    # Closures and area bans are the mayor's powers; the rest belongs to the college.
    if intervention.instrument.is_closure or intervention.instrument.code == "gebiedsverbod":
        return pgettext("letter", "The mayor of %(place)s") % {"place": _place()}
    return pgettext("letter", "The mayor and aldermen of %(place)s") % {"place": _place()}


def _premises(intervention: Intervention) -> str:
    links = intervention.case.subject_links.select_related("subject").order_by("role", "id")
    location = next((link.subject.label for link in links if link.subject.kind == "address"), "")
    return location or intervention.case.title


def _measure(intervention: Intervention) -> str:
    name = intervention.instrument.name
    if intervention.indefinite:
        return pgettext("letter", "%(measure)s, for an indefinite period") % {"measure": name}
    if intervention.duration_months:
        return pgettext("letter", "%(measure)s for %(months)s months") % {
            "measure": name,
            "months": intervention.duration_months,
        }
    return name


def _paragraphs(kind: str, compliance_term: bool) -> list[str]:
    """The letter's body, as texts to fill with the facts of ``context``."""
    if kind == "voornemen":
        return [
            pgettext(
                "letter",
                "We intend to take the following measure: %(measure)s, on the basis of "
                "%(basis)s, for the premises or location %(premises)s.",
            ),
            pgettext(
                "letter",
                "Before we decide, you can give your view: in writing or in person, "
                "at the latest on %(opinion_end)s.",
            ),
        ]
    if kind == "besluit":
        return [
            pgettext(
                "letter",
                "We have decided on: %(measure)s, on the basis of %(basis)s, for the premises "
                "or location %(premises)s.",
            ),
            pgettext("letter", "This decision was taken on %(decided_on)s."),
            pgettext(
                "letter",
                "Do you disagree with this decision? Then you can object within six weeks of "
                "the day it was made known, at the latest on %(objection_end)s.",
            ),
        ]
    return [
        pgettext(
            "letter",
            "You are violating %(basis)s at %(premises)s. We impose an order subject to a "
            "penalty on you.",
        ),
        pgettext(
            "letter",
            "You must end the violation and keep it ended, at the latest on %(compliance_end)s.",
        )
        if compliance_term
        else pgettext("letter", "You must end the violation and keep it ended."),
        pgettext(
            "letter",
            "If you do not, you forfeit a penalty of € %(amount)s %(unit)s, up to a maximum "
            "of € %(maximum)s.",
        ),
    ]


def context(intervention: Intervention, kind: str) -> dict:
    equated = equated_days()
    i, ins = intervention, intervention.instrument
    opinion_end = term_end(
        i.intention_sent_on or timezone.localdate(), ins.opinion_weeks, "weeks", equated
    )
    known = i.made_known_on or timezone.localdate()
    objection_end = term_end(known, ins.objection_weeks, "weeks", equated)
    compliance_end = (
        term_end(known, ins.compliance_days, "days", equated) if ins.compliance_days else None
    )
    premises = _premises(i)
    facts = {
        "measure": _measure(i).lower(),
        "basis": ins.legal_basis,
        "premises": premises,
        "opinion_end": _day(opinion_end),
        "decided_on": _day(i.decision_on),
        "objection_end": _day(objection_end),
        "compliance_end": _day(compliance_end),
        "amount": i.penalty_amount,
        "unit": UNITS.get(i.penalty_unit, ""),
        "maximum": i.penalty_maximum,
    }
    paragraphs = [text % facts for text in _paragraphs(kind, compliance_end is not None)]
    return {
        "municipality": settings.MUNICIPALITY_NAME,
        "title": str(TITLES[kind]),
        "date": _day(timezone.localdate()),
        # The case number: what the addressee quotes and an officer finds the case by.
        "reference": i.case.reference,
        "addressee": pgettext("letter", "The owner and the user of %(premises)s")
        % {"premises": premises},
        "subject": f"{TITLES[kind]}: {ins.name.lower()}",
        "paragraphs": paragraphs,
        "mailbox": settings.GENERAL_MAILBOX,
        "signatory": _signatory(i),
    }


def _template(kind: str) -> Path:
    own = (
        Path(settings.LETTER_TEMPLATE_DIR) / f"{kind}.docx"
        if settings.LETTER_TEMPLATE_DIR
        else None
    )
    return own if own and own.exists() else BUILT_IN / f"{kind}.docx"


def render(intervention: Intervention, kind: str, fmt: str) -> bytes:
    data = context(intervention, kind)
    if fmt == "pdf":
        return pdf.render(render_to_string("interventions/letter.html", data))
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(_template(kind)))
    document.render(data)
    # No author: the built-in core properties would otherwise carry whoever made the template.
    document.docx.core_properties.author = ""
    document.docx.core_properties.last_modified_by = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
