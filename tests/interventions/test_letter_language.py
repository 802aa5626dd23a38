"""Letters and the deadline digest speak through the catalogue: Dutch by default, English
when the English locale is active, the same Dutch words as before."""

from datetime import date

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation
from freezegun import freeze_time

from tests.interventions.test_interventions import _case, _instrument
from weerbaar.interventions import letters, services
from weerbaar.interventions.digest import send_digest

pytestmark = pytest.mark.django_db


def _closure(regisseur, team, **facts):
    closure = services.intervention_start(
        actor=regisseur,
        case=_case(regisseur, team),
        instrument=_instrument("damocles-sluiting"),
        duration_months=3,
        **facts,
    )
    services.intervention_record(
        actor=regisseur,
        intervention=closure,
        police_report_on=date(2026, 5, 11),
        police_report_reference="PL0600-2026-1",
        intention_sent_on=date(2026, 5, 20),
    )
    closure.refresh_from_db()
    return closure


@freeze_time("2026-06-01")
def test_a_letter_is_dutch_from_the_catalogue_and_english_in_the_english_locale(regisseur, team):
    closure = _closure(regisseur, team)
    dutch = letters.context(closure, "voornemen")
    assert dutch["title"] == "Voornemen"
    assert dutch["signatory"] == "De burgemeester van Weerdam"
    assert dutch["addressee"] == "De eigenaar en de gebruiker van Loodsweg 3, 6981 AB Doesburg"
    assert dutch["paragraphs"][2].startswith(
        "Voordat wij besluiten, kunt u binnen 2 weken uw zienswijze geven, uiterlijk op "
        "3 juni 2026: schriftelijk aan Postbus 100, 6980 AA Weerdam of aan "
        "veiligheid@weerdam.invalid"
    )
    with translation.override("en"):
        english = letters.context(closure, "voornemen")
    assert english["title"] == "Intention"
    assert english["signatory"] == "The mayor of Weerdam"
    assert english["paragraphs"][0].startswith("We intend to take the following measure on ")
    assert " voor de duur van " not in english["paragraphs"][0]


@freeze_time("2026-06-01")
def test_the_letter_page_frame_is_translated_too(regisseur, team):
    closure = _closure(regisseur, team)
    with translation.override("en"):
        letter = letters.context(closure, "besluit")
        html = render_to_string("letters/letter.html", {"letter": letter})
    assert "Kind regards," in html and "Reference: " in html and 'lang="en"' in html
    assert "Do you disagree with this decision?" in html
    assert "Met vriendelijke groet" not in html and "Kenmerk" not in html


@freeze_time("2026-06-01")
def test_the_deadline_digest_is_dutch_from_the_catalogue_and_english_in_english(
    regisseur, behandelaar, team
):
    behandelaar.email = "bart@weerdam.invalid"
    behandelaar.save()
    closure = services.intervention_start(
        actor=regisseur,
        case=_case(regisseur, team),
        instrument=_instrument("damocles-sluiting"),
        owner=behandelaar,
        duration_months=3,
    )
    services.intervention_record(
        actor=regisseur,
        intervention=closure,
        opinion_skipped_reason="Spoed: acuut gevaar voor de omgeving.",
        decision_on=date(2026, 5, 15),
        made_known_on=date(2026, 5, 18),
    )
    send_digest(days=7)
    with translation.override("en"):
        send_digest(days=7)
    dutch, english = mail.outbox
    assert dutch.subject == "Termijnen: 1 binnen 7 dagen of verlopen"
    assert dutch.body.startswith(
        "Goedemorgen,\n\nDeze termijnen lopen binnen 7 dagen af of zijn verlopen:\n\n- "
    )
    assert "casus Loodsweg 3" in dutch.body
    assert english.subject == "Deadlines: 1 within 7 days or overdue"
    assert english.body.startswith("Good morning,\n\nThese deadlines end within 7 days")
    assert "case Loodsweg 3" in english.body
