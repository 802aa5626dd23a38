"""The letter set of a measure (bestuurlijke waarschuwing, voornemen, ontvangstbevestiging,
besluit, last onder dwangsom, beslissing op bezwaar) as PDF through WeasyPrint and as .docx
through docxtpl, from the same paragraphs.

Letters are signed by the office ("De burgemeester van ..."), never with the name, initials
or telephone number of the handling official, and name the general mailbox and the postal
address for opinions and objections (DOMAIN.md, staff safety). The context deliberately holds
no user at all. The paragraph texts are the catalogue's, or the beheerder's own
(``LetterText``); making and storing a letter is ``services.letter_make``.
"""

import io
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import pgettext

from weerbaar.core import pdf
from weerbaar.interventions.letters.facts import day, premises, values
from weerbaar.interventions.letters.kinds import KINDS, Kind, kinds_for, letter_date, refusal
from weerbaar.interventions.letters.texts import fill
from weerbaar.interventions.models import Intervention, LetterText

__all__ = ["KINDS", "CONTENT_TYPES", "context", "kinds_for", "refusal", "render", "own_texts"]

BUILT_IN = Path(__file__).resolve().parent.parent / "letter_templates"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def own_texts(kind_key: str) -> dict[str, str]:
    """The beheerder's own texts of a letter's paragraphs, by paragraph key."""
    return dict(LetterText.objects.filter(kind=kind_key).values_list("key", "text"))


def _paragraphs(intervention: Intervention, kind: Kind, texts: dict) -> list[str]:
    facts = values(intervention)
    return [
        fill(texts.get(para.key) or str(para.default), facts)
        for para in kind.paragraphs
        if para.when(intervention)
    ]


def context(intervention: Intervention, kind_key: str, texts: dict | None = None) -> dict:
    """What a letter says; ``texts`` replaces paragraph texts (the editor's preview)."""
    kind = KINDS[kind_key]
    texts = own_texts(kind_key) | (texts or {})
    title = str(kind.title)
    return {
        "municipality": settings.MUNICIPALITY_NAME,
        "title": title,
        "date": day(letter_date(intervention, kind)),
        # The case number: what the addressee quotes and an officer finds the case by.
        "reference": intervention.case.reference,
        "addressee": pgettext("letter", "The owner and the user of %(premises)s")
        % {"premises": premises(intervention)},
        "subject": f"{title}: {intervention.instrument.name}",
        "paragraphs": _paragraphs(intervention, kind, texts),
        "mailbox": settings.GENERAL_MAILBOX,
        "postal_address": settings.MUNICIPALITY_POSTAL_ADDRESS,
        "signatory": values(intervention)["bestuursorgaan"],
    }


def _template(kind_key: str) -> Path:
    own = (
        Path(settings.LETTER_TEMPLATE_DIR) / f"{kind_key}.docx"
        if settings.LETTER_TEMPLATE_DIR
        else None
    )
    return own if own and own.exists() else BUILT_IN / f"{kind_key}.docx"


def render(intervention: Intervention, kind_key: str, fmt: str) -> bytes:
    data = context(intervention, kind_key)
    if fmt == "pdf":
        return pdf.render(render_to_string("letters/letter.html", {"letter": data}))
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(_template(kind_key)))
    # Escaped: an officer's text with "&" or "<" must stay text, not break the document.
    document.render(data, autoescape=True)
    # No author: the built-in core properties would otherwise carry whoever made the template.
    document.docx.core_properties.author = ""
    document.docx.core_properties.last_modified_by = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
