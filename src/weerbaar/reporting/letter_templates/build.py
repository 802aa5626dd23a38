"""Build the built-in .docx template of the council letter (raadsinformatiebrief).

Run ``python -m weerbaar.reporting.letter_templates.build``.

docxtpl's Jinja tags; a municipality can copy it, change its layout and wording in Word and
point ``LETTER_TEMPLATE_DIR`` at its own folder (``raadsinformatiebrief.docx``). Context:
municipality, title, date, reference, addressee, subject, paragraphs (a list), figures (rows
with label, before and now), before, now (the two years' heads), signatory.
"""

from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def build() -> None:
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
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    head = table.rows[0].cells
    head[0].text, head[1].text, head[2].text = "{{ figures_head }}", "{{ before }}", "{{ now }}"
    table.rows[1].cells[0].text = "{%tr for row in figures %}"
    body = table.rows[2].cells
    body[0].text, body[1].text, body[2].text = (
        "{{ row.label }}",
        "{{ row.before }}",
        "{{ row.now }}",
    )
    extra = table.add_row().cells
    extra[0].text = "{%tr endfor %}"
    document.add_paragraph("{{ closing }}")
    document.add_paragraph("{{ signatory }}")
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.save(HERE / "raadsinformatiebrief.docx")


if __name__ == "__main__":
    build()
