"""The letter set: what each letter says, from which step it can be made, and how a made
letter is kept in the case's documents."""

import io
from datetime import date

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import login
from tests.interventions.letter_world import closure
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.models import Document, DocumentVersion
from weerbaar.cases.selectors import case_timeline
from weerbaar.interventions import letters, services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_frozen")]


@pytest.fixture
def _frozen():
    with freeze_time("2026-06-01"):
        yield


def _text(intervention, kind) -> str:
    letter = letters.context(intervention, kind)
    return "\n".join(
        [letter["date"], letter["subject"], *letter["paragraphs"], letter["signatory"]]
    )


def _pdf_text(version) -> str:
    from weerbaar.cases.services import DOCUMENT_FOLDER
    from weerbaar.core import files

    data = files.readable_path(DOCUMENT_FOLDER, version.uuid).read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(p.extract_text() for p in reader.pages) + str(reader.metadata)


def test_the_decision_gives_its_facts_grounds_and_the_objection_clause(regisseur, team):
    regisseur.first_name, regisseur.last_name = "Rianne", "de Regt"
    regisseur.save()
    decided = closure(regisseur, team, until="decision")
    assert letters.refusal(decided, "besluit") == ""
    text = _text(decided, "besluit")
    assert text.startswith("13 mei 2026\nBesluit: Sluiting (Damocles)\n")  # the decision's day
    for expected in (
        # the facts: the police report's date and reference
        "In het rapport van 20 april 2026 (kenmerk PL0600-2026-4711)",
        # the legal ground, and the measure written as its name
        "Wij baseren dit besluit op art. 13b Opiumwet.",
        "besloten tot de volgende maatregel: Sluiting (Damocles) voor de duur van 3 maanden",
        # the policy matrix's assessment
        "Volgens het Damoclesbeleid hoort bij deze situatie (Bedrijfspand; Hennepkwekerij; "
        "overtreding nummer 1) de maatregel: Sluiting (Damocles) voor 3 maanden.",
        # the opinion and the answer to it
        "Op 6 mei 2026 hebt u uw zienswijze gegeven. In het kort: De huurder zegt van niets",
        "Onze reactie: De huurder is verantwoordelijk",
        # proportionality, duration and start
        "De kwekerij bracht brandgevaar voor de buren. Wij vinden de maatregel daarom evenredig",
        "De maatregel gaat in op 15 juni 2026 en duurt 3 maanden.",
        # the objection clause with its address, and the voorlopige voorziening
        "binnen 6 weken na de dag van verzending van deze brief bezwaar maken",
        "bezwaarschrift aan: De burgemeester van Weerdam, Postbus 100, 6980 AA Weerdam.",
        "de voorzieningenrechter van de Rechtbank Gelderland vragen om een voorlopige voorziening",
    ):
        assert expected in text, expected
    assert text.endswith("\nDe burgemeester van Weerdam")
    assert "sluiting (damocles)" not in text
    version = services.letter_make(actor=regisseur, intervention=decided, kind="besluit", fmt="pdf")
    pdf = _pdf_text(version)
    assert "voorlopige" in pdf and "Rechtbank Gelderland" in pdf
    for forbidden in ("Rianne", "Regt", regisseur.username):
        assert forbidden not in pdf and forbidden not in text, forbidden


def test_a_deviation_from_the_policy_is_explained_in_the_decision(regisseur, team):
    decided = closure(
        regisseur,
        team,
        until="decision",
        indefinite=True,
        deviation_reason="Derde kwekerij in twee jaar op dit adres.",
    )
    text = _text(decided, "besluit")
    assert "Wij wijken om deze reden af van het beleid: Derde kwekerij in twee jaar" in text
    assert "De maatregel gaat in op 15 juni 2026 en duurt onbepaalde tijd." in text


def test_the_intention_names_the_opinion_term_and_where_to_send_it(regisseur, team):
    intention = closure(regisseur, team, until="intention")
    text = _text(intention, "voornemen")
    assert text.startswith("27 april 2026\nVoornemen: Sluiting (Damocles)\n")
    assert "binnen 2 weken uw zienswijze geven, uiterlijk op 11 mei 2026" in text
    assert "schriftelijk aan Postbus 100, 6980 AA Weerdam of aan veiligheid@weerdam.invalid" in text
    assert "geen besluit in de zin van de Awb" in text


def test_the_acknowledgement_is_dated_on_the_day_the_opinion_came(regisseur, team):
    opinion = closure(regisseur, team, until="opinion")
    assert letters.refusal(opinion, "besluit")  # not decided yet
    text = _text(opinion, "ontvangstbevestiging")
    assert text.startswith("6 mei 2026\nOntvangstbevestiging zienswijze: Sluiting (Damocles)")
    assert "Op 6 mei 2026 hebben wij uw zienswijze ontvangen op ons voornemen van 27 april" in text


def test_the_decision_on_objection_gives_outcome_reasons_and_the_appeal_clause(regisseur, team):
    decided = closure(regisseur, team, until="objection_decided")
    text = _text(decided, "beslissing-op-bezwaar")
    assert text.startswith("29 mei 2026\nBeslissing op bezwaar: Sluiting (Damocles)")
    assert "Op 20 mei 2026 hebben wij uw bezwaarschrift ontvangen tegen ons besluit van 13 mei" in (
        text
    )
    assert "Wij verklaren uw bezwaar ongegrond. Onze motivering: Het bezwaar brengt geen" in text
    assert "Het besluit van 13 mei 2026 blijft in stand." in text
    assert "binnen 6 weken na de dag van verzending van deze brief beroep instellen bij de " in (
        text
    )
    assert "Rechtbank Gelderland" in text and "voorlopige voorziening" in text
    assert "Wij herroepen" not in text


def test_a_warning_and_a_penalty_order_have_their_own_letters(regisseur, team):
    warning = closure(regisseur, team, code="bestuurlijke-waarschuwing", until="intention")
    assert [k.key for k in letters.kinds_for(warning)] == ["waarschuwing"]
    text = _text(warning, "waarschuwing")
    assert text.startswith("1 juni 2026\n")  # made any time: the day it is made
    assert "Wij geven u hierbij een bestuurlijke waarschuwing." in text
    penalty = closure(
        regisseur,
        team,
        code="last-onder-dwangsom",
        until="decision",
        penalty_amount=1500,
        penalty_unit="week",
        penalty_maximum=15000,
        deviation_reason="Geen sluiting: een last volstaat hier.",
    )
    assert "besluit" not in [k.key for k in letters.kinds_for(penalty)]
    text = _text(penalty, "dwangsom")
    assert "binnen 14 dagen na de dag van verzending van deze brief beëindigen" in text
    assert "een dwangsom van € 1.500,00 per week, tot een maximum van € 15.000,00." in text
    assert "voorlopige voorziening" in text


@pytest.mark.parametrize(
    "until, refused",
    [
        (None, {"voornemen", "ontvangstbevestiging", "besluit", "beslissing-op-bezwaar"}),
        ("intention", {"ontvangstbevestiging", "besluit", "beslissing-op-bezwaar"}),
        ("opinion", {"besluit", "beslissing-op-bezwaar"}),
        ("decision", {"beslissing-op-bezwaar"}),
        ("objection", {"beslissing-op-bezwaar"}),
        ("objection_decided", set()),
    ],
)
def test_a_letter_is_refused_before_its_step(regisseur, team, until, refused):
    intervention = closure(regisseur, team, until=until)
    found = {k.key for k in letters.kinds_for(intervention) if letters.refusal(intervention, k.key)}
    assert found == refused
    client = login(regisseur)
    page = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    for kind in refused:
        url = reverse("interventions:letter", args=[intervention.uuid, kind])
        assert url not in page  # the page does not offer it
        assert client.get(url).status_code == 404
        with pytest.raises(ValidationError):
            services.letter_make(actor=regisseur, intervention=intervention, kind=kind, fmt="pdf")
        made = client.post(
            reverse("interventions:letter_make", args=[intervention.uuid, kind]), {"fmt": "pdf"}
        )
        assert made.status_code == 200 and "Deze brief kan worden gemaakt" in made.content.decode()
    assert not Document.objects.exists()


def test_the_refusal_names_what_to_record_first(regisseur, team):
    intervention = closure(regisseur, team, until="intention")
    services.intervention_record(
        actor=regisseur,
        intervention=intervention,
        opinion_skipped_reason="",
        decision_on=date(2026, 5, 20),
    )
    intervention.refresh_from_db()
    assert letters.refusal(intervention, "besluit") == (
        "Leg eerst vast: evenredigheid: de afgewogen belangen; de maatregel gaat in op."
    )


def test_no_placeholder_remains_in_any_letter(regisseur, team):
    regisseur.first_name, regisseur.last_name = "Rianne", "de Regt"
    regisseur.save()
    made = [
        closure(regisseur, team, until="objection_decided"),
        closure(regisseur, team, code="bestuurlijke-waarschuwing", until="intention"),
        closure(
            regisseur,
            team,
            code="last-onder-dwangsom",
            until="objection_decided",
            penalty_amount=500,
            penalty_unit="day",
            penalty_maximum=5000,
            deviation_reason="Geen sluiting: een last volstaat hier.",
        ),
    ]
    kinds = set()
    for intervention in made:
        for kind in letters.kinds_for(intervention):
            kinds.add(kind.key)
            text = _text(intervention, kind.key)
            assert "[" not in text and "{" not in text and "}" not in text, (kind.key, text)
            assert "None" not in text and "  " not in text
            for name in ("Rianne", "Regt", regisseur.username):
                assert name not in text, (kind.key, name)
    assert kinds == set(letters.KINDS)


def test_making_a_letter_again_adds_a_version_of_one_document(regisseur, behandelaar, team):
    decided = closure(regisseur, team, until="decision")
    first = services.letter_make(actor=regisseur, intervention=decided, kind="besluit", fmt="pdf")
    second = services.letter_make(
        actor=behandelaar, intervention=decided, kind="besluit", fmt="pdf"
    )
    word = services.letter_make(actor=regisseur, intervention=decided, kind="besluit", fmt="docx")
    reference = decided.case.reference
    assert first.document == second.document != word.document
    assert [v.number for v in second.document.versions.all()] == [2, 1]
    assert second.file_name == f"{reference} besluit.pdf"
    assert word.file_name == f"{reference} besluit.docx"
    assert Document.objects.filter(case=decided.case, kind="letter").count() == 2
    rows = AuditRecord.objects.filter(action="interventions.letter").order_by("id")
    assert [(r.actor_id, r.changes["new"]["version"]) for r in rows] == [
        (regisseur.pk, 1),
        (behandelaar.pk, 2),
        (regisseur.pk, 1),
    ]
    timeline = case_timeline(case=decided.case)
    assert {"interventions.letter", "cases.document_added"} <= {r.action for r in timeline}
    made = [r for r in timeline if r.action == "interventions.letter"]
    assert (made[1].actor_id, made[1].purpose) == (behandelaar.pk, f"{reference} besluit.pdf")
    assert made[1].action_label == "Brief gemaakt en bewaard in het dossier"


def test_the_letter_page_makes_the_letter_and_downloads_it_from_the_case_file(
    regisseur, team, ketenpartner, burgemeester
):
    decided = closure(regisseur, team, until="decision")
    client = login(regisseur)
    url = reverse("interventions:letter", args=[decided.uuid, "besluit"])
    page = client.get(url).content.decode()
    assert "Brief maken en bewaren in het dossier" in page and "PL0600-2026-4711" in page
    made = client.post(
        reverse("interventions:letter_make", args=[decided.uuid, "besluit"]), {"fmt": "pdf"}
    )
    assert made.status_code == 302 and made["Location"] == url
    version = DocumentVersion.objects.get()
    page = client.get(url).content.decode()
    download = reverse("cases:document", args=[version.uuid])
    assert download in page and "versie 1" in page
    response = client.get(download)
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response).startswith(b"%PDF-")
    detail = client.get(reverse("interventions:detail", args=[decided.uuid])).content.decode()
    assert download in detail and f"{decided.case.reference} besluit.pdf" in detail
    wrong = client.post(
        reverse("interventions:letter_make", args=[decided.uuid, "besluit"]), {"fmt": "exe"}
    )
    assert wrong.status_code == 200 and DocumentVersion.objects.count() == 1
    reader = login(burgemeester)  # reads the file, does not record the procedure
    page = reader.get(url).content.decode()
    assert "PL0600-2026-4711" in page and download in page
    assert "Brief maken en bewaren in het dossier" not in page
    refused = reader.post(
        reverse("interventions:letter_make", args=[decided.uuid, "besluit"]), {"fmt": "pdf"}
    )
    assert refused.status_code == 404 and DocumentVersion.objects.count() == 1
    outsider = login(ketenpartner).post(
        reverse("interventions:letter_make", args=[decided.uuid, "besluit"]), {"fmt": "pdf"}
    )
    assert outsider.status_code == 404 and DocumentVersion.objects.count() == 1


def test_an_officers_text_with_markup_characters_stays_text_in_word_and_pdf(regisseur, team):
    import docx

    from weerbaar.cases.services import DOCUMENT_FOLDER
    from weerbaar.core import files

    decided = closure(regisseur, team, until="decision")
    services.intervention_record(
        actor=regisseur,
        intervention=decided,
        proportionality="Brand- & explosiegevaar <ernstig> voor de buren.",
    )
    decided.refresh_from_db()
    word = services.letter_make(actor=regisseur, intervention=decided, kind="besluit", fmt="docx")
    data = files.readable_path(DOCUMENT_FOLDER, word.uuid).read_bytes()
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert any("Brand- & explosiegevaar <ernstig> voor de buren." in p for p in paragraphs)
    pdf = services.letter_make(actor=regisseur, intervention=decided, kind="besluit", fmt="pdf")
    assert "explosiegevaar <ernstig>" in _pdf_text(pdf)
