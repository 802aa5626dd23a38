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

from weerbaar.core import pdf
from weerbaar.core.deadlines import equated_days, term_end
from weerbaar.interventions.models import Intervention

BUILT_IN = Path(__file__).resolve().parent / "letter_templates"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
TITLES = {"voornemen": "Voornemen", "besluit": "Besluit", "dwangsom": "Last onder dwangsom"}
UNITS = {"violation": "per overtreding", "day": "per dag", "week": "per week"}


def available(intervention: Intervention) -> list[str]:
    instrument = intervention.instrument
    kinds = ["voornemen", "besluit"] if instrument.is_decision else []
    return kinds + (["dwangsom"] if instrument.is_penalty else [])


def _day(value) -> str:
    return formats.date_format(value, "j F Y") if value else "[datum]"


def _place() -> str:
    return settings.MUNICIPALITY_NAME.removeprefix("Gemeente ").strip()


def _signatory(intervention: Intervention) -> str:
    # Closures and area bans are the mayor's powers; the rest belongs to the college.
    if intervention.instrument.is_closure or intervention.instrument.code == "gebiedsverbod":
        return f"De burgemeester van {_place()}"
    return f"Burgemeester en wethouders van {_place()}"


def _premises(intervention: Intervention) -> str:
    links = intervention.case.subject_links.select_related("subject").order_by("role", "id")
    location = next((link.subject.label for link in links if link.subject.kind == "address"), "")
    return location or intervention.case.title


def _measure(intervention: Intervention) -> str:
    name = intervention.instrument.name
    if intervention.indefinite:
        return f"{name}, voor onbepaalde tijd"
    if intervention.duration_months:
        return f"{name} voor de duur van {intervention.duration_months} maanden"
    return name


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
    paragraphs = {
        "voornemen": [
            f"Wij zijn van plan de volgende maatregel te nemen: {_measure(i).lower()}, "
            f"op grond van {ins.legal_basis}, voor het pand of de locatie {premises}.",
            "Voordat wij besluiten, kunt u uw zienswijze geven: schriftelijk of mondeling, "
            f"uiterlijk op {_day(opinion_end)}.",
        ],
        "besluit": [
            f"Wij hebben besloten tot: {_measure(i).lower()}, op grond van {ins.legal_basis}, "
            f"voor het pand of de locatie {premises}.",
            f"Dit besluit is genomen op {_day(i.decision_on)}.",
            "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dag van "
            f"bekendmaking bezwaar maken, uiterlijk op {_day(objection_end)}.",
        ],
        "dwangsom": [
            f"U overtreedt {ins.legal_basis} bij {premises}. Wij leggen u een last onder "
            "dwangsom op.",
            "U moet de overtreding beëindigen en beëindigd houden"
            + (f", uiterlijk op {_day(compliance_end)}." if compliance_end else "."),
            f"Doet u dat niet, dan verbeurt u een dwangsom van € {i.penalty_amount} "
            f"{UNITS.get(i.penalty_unit, '')}, tot een maximum van € {i.penalty_maximum}.",
        ],
    }[kind]
    return {
        "municipality": settings.MUNICIPALITY_NAME,
        "title": TITLES[kind],
        "date": _day(timezone.localdate()),
        "reference": f"{i.case.opened_on:%Y}-{str(i.uuid)[:8]}",
        "addressee": f"De eigenaar en de gebruiker van {premises}",
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
