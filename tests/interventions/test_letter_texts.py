"""The beheerder's editor of the letters' paragraph texts: named placeholders checked on
saving, a preview, the standard text restored, every change audited."""

import io

import docx
import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import login
from tests.interventions.letter_world import closure
from weerbaar.audit.models import AuditRecord
from weerbaar.interventions import letters, services
from weerbaar.interventions.models import LetterText

pytestmark = pytest.mark.django_db
EDIT = reverse("interventions:letter_text_edit", args=["besluit"])


def _form(kind="besluit", **changed) -> dict:
    texts = {p.key: str(p.default) for p in letters.KINDS[kind].paragraphs}
    return {**texts, **changed}


def test_the_beheerder_sees_the_letters_and_others_do_not(beheerder, regisseur):
    page = login(beheerder).get(reverse("interventions:letter_texts"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Beslissing op bezwaar" in html and "Ontvangstbevestiging zienswijze" in html
    assert "standaardteksten" in html
    for url in (reverse("interventions:letter_texts"), EDIT):
        assert login(regisseur).get(url).status_code == 404
    refused = login(regisseur).post(EDIT, _form(decided="Wij besluiten: {maatregel}."))
    assert refused.status_code == 404 and not LetterText.objects.exists()


def test_an_unknown_placeholder_is_refused_with_a_dutch_message(beheerder):
    client = login(beheerder)
    response = client.post(EDIT, _form(decided="Wij besluiten tot {maatregle} voor {adres}."))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Onbekend invulveld {maatregle}. Deze alinea kan gebruiken: {adres}" in html
    assert "Wij besluiten tot {maatregle} voor {adres}." in html  # what was typed is kept
    # a placeholder of another paragraph is not offered here either
    other = client.post(EDIT, _form(decided="Op {datum_bezwaar} besluiten wij."))
    assert "Onbekend invulveld {datum_bezwaar}" in other.content.decode()
    broken = client.post(EDIT, _form(decided="Wij besluiten tot {maatregel."))
    assert "Een accolade { of } is niet gesloten." in broken.content.decode()
    empty = client.post(EDIT, _form(decided=""))
    assert "Schrijf de alinea, of zet de standaardtekst terug." in empty.content.decode()
    assert "{maatregel.__class__}" not in html
    attribute = client.post(EDIT, _form(decided="{maatregel.__class__}"))
    assert "Onbekend invulveld {maatregel.__class__}" in attribute.content.decode()
    assert not LetterText.objects.exists()
    assert not AuditRecord.objects.filter(action="interventions.letter_text").exists()


@freeze_time("2026-06-01")
def test_a_saved_text_is_used_in_pdf_and_word_and_audited(beheerder, regisseur, team):
    decided = closure(regisseur, team, until="decision")
    client = login(beheerder)
    refused = client.post(EDIT, _form(decided="Wij sluiten {adres} per {ingangsdatum}."))
    assert "Onbekend invulveld {ingangsdatum}" in refused.content.decode()  # not this paragraph
    saved = client.post(EDIT, _form(decided="Wij sluiten {adres}: {maatregel}."))
    assert saved.status_code == 302
    own = LetterText.objects.get()
    assert (own.kind, own.key, own.text) == (
        "besluit",
        "decided",
        "Wij sluiten {adres}: {maatregel}.",
    )
    text = letters.context(decided, "besluit")["paragraphs"][0]
    assert (
        text
        == "Wij sluiten Loodsweg 3, 6981 AB Doesburg: Sluiting (Damocles) voor de duur van 3 maanden."
    )
    word = services.letter_make(actor=regisseur, intervention=decided, kind="besluit", fmt="docx")
    from weerbaar.cases.services import DOCUMENT_FOLDER
    from weerbaar.core import files

    document = docx.Document(
        io.BytesIO(files.readable_path(DOCUMENT_FOLDER, word.uuid).read_bytes())
    )
    assert text in [p.text for p in document.paragraphs]
    row = AuditRecord.objects.filter(action="interventions.letter_text").get()
    assert row.actor_id == beheerder.pk
    assert row.changes["new"] == {
        "letter": "besluit",
        "decided": "Wij sluiten {adres}: {maatregel}.",
    }
    assert row.changes["old"]["decided"].startswith("Wij hebben besloten tot de volgende maatregel")


def test_the_preview_shows_the_typed_text_for_a_sample_without_saving(beheerder):
    client = login(beheerder)
    page = client.get(EDIT).content.decode()
    assert "Voorbeeldstraat 1, 6981 AA Weerdam" in page  # the sample measure
    assert "De burgemeester van Weerdam" in page and "voorlopige voorziening" in page
    preview = client.post(
        EDIT, {**_form(decided="Proef: {maatregel} in {adres}."), "action": "preview"}
    ).content.decode()
    assert "Proef: Sluiting (Damocles) voor de duur van 3 maanden in Voorbeeldstraat 1" in preview
    assert not LetterText.objects.exists()


@freeze_time("2026-06-01")
def test_the_preview_for_a_chosen_measure_the_reader_may_see(regisseur, team, beheerder):
    from django.contrib.auth.models import Group

    decided = closure(regisseur, team, until="decision")
    beheerder.groups.add(Group.objects.get(name="regisseur"))  # one who also reads the file
    page = login(beheerder).get(EDIT, {"intervention": str(decided.uuid)}).content.decode()
    assert decided.case.reference in page and "PL0600-2026-4711" in page


def test_restore_puts_back_the_standard_text_after_a_confirmation(beheerder):
    client = login(beheerder)
    client.post(EDIT, _form(decided="Eigen tekst: {maatregel}."))
    restore = reverse("interventions:letter_text_restore", args=["besluit"])
    client.post(restore, {})
    assert LetterText.objects.count() == 1  # not without the confirmation
    client.post(restore, {"confirm": "on"})
    assert not LetterText.objects.exists()
    assert (
        str(letters.KINDS["besluit"].paragraph("decided").default)
        in client.get(EDIT).content.decode()
    )
    rows = AuditRecord.objects.filter(action="interventions.letter_text").order_by("id")
    assert [r.changes["new"].get("restored") for r in rows] == [None, True]
    assert rows.last().changes["old"] == {
        "letter": "besluit",
        "decided": "Eigen tekst: {maatregel}.",
    }


@pytest.mark.parametrize("kind", sorted(letters.KINDS))
def test_every_letter_has_its_editor_with_a_complete_sample_preview(beheerder, kind):
    page = login(beheerder).get(reverse("interventions:letter_text_edit", args=[kind]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'<h3 class="utrecht-heading-3">{letters.KINDS[kind].title}</h3>' in html
    preview = html[html.index('id="preview-heading"') :]
    assert "{" not in preview and "[" not in preview
    for para in letters.KINDS[kind].paragraphs:
        assert f'name="{para.key}"' in html
