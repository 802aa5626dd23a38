"""Build the built-in .docx letter templates.

Run ``python -m weerbaar.interventions.letter_templates.build``.

The templates use docxtpl's Jinja tags; a municipality can copy one, change its layout and
wording in Word and point ``LETTER_TEMPLATE_DIR`` at its own folder. Context variables:
municipality, title, date, reference, addressee, subject, paragraphs (a list), mailbox,
postal_address, signatory.
"""

from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def build(kind: str) -> None:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    document.add_paragraph("{{ municipality }}").runs[0].bold = True
    document.add_paragraph("{{ addressee }}")
    document.add_paragraph("Datum: {{ date }}\nKenmerk: {{ reference }}\nOnderwerp: {{ subject }}")
    document.add_heading("{{ title }}", level=1)
    document.add_paragraph("{%p for paragraph in paragraphs %}")
    document.add_paragraph("{{ paragraph }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph(
        "Reageren of vragen? Mail naar {{ mailbox }} of schrijf naar {{ postal_address }}, "
        "en noem het kenmerk van deze brief."
    )
    document.add_paragraph("Met vriendelijke groet,\n\n{{ signatory }}")
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.save(HERE / f"{kind}.docx")


if __name__ == "__main__":
    for kind in (
        "waarschuwing",
        "voornemen",
        "ontvangstbevestiging",
        "besluit",
        "dwangsom",
        "beslissing-op-bezwaar",
    ):
        build(kind)
