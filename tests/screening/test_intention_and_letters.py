"""The intention and the applicant's opinion before an adverse decision (Awb art. 4:8), and the
two letters to the applicant, kept inside the compartment."""

import io
from datetime import date

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import ScreeningFactory, login, make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.core.files import readable_path
from weerbaar.screening import services
from weerbaar.screening.constants import LETTER_FOLDER, Status
from weerbaar.screening.models import ChecklistItem, PermitKind

pytestmark = pytest.mark.django_db

RECEIVED = date(2026, 2, 2)


@pytest.fixture
def advised(bibob_coordinator):
    """A horeca application with the LBB's advice "a serious degree of danger" of 13 April."""
    with freeze_time("2026-04-13"):
        s = ScreeningFactory(
            actor=bibob_coordinator,
            applicant=make_person("Bram Aanvrager"),
            application_received_on=RECEIVED,
        )
        services.party_add(
            actor=bibob_coordinator,
            screening=s,
            subject=make_person("Dirk Geldschieter"),
            role="financier",
        )
        services.finding_record(
            actor=bibob_coordinator,
            screening=s,
            item=ChecklistItem.objects.get(code="financiering"),
            text="Lening uit onbekende bron",
            source_grade="B",
            info_grade="2",
        )
        return services.screening_record_steps(
            actor=bibob_coordinator,
            screening=s,
            version=s.version,
            questionnaire_sent_on=date(2026, 2, 3),
            questionnaire_returned_on=date(2026, 2, 20),
            lbb_requested_on=date(2026, 3, 2),
            applicant_informed_on=date(2026, 3, 3),
            lbb_advised_on=date(2026, 4, 13),
            lbb_degree="serious",
        )


def _refusal(call) -> dict:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.message_dict


def _fresh(s):
    s.refresh_from_db()
    return s


def _intend(actor, s, **fields):
    s = _fresh(s)
    return services.screening_record_intention(
        actor=actor, screening=s, version=s.version, **fields
    )


def _decide(actor, s, **fields):
    s = _fresh(s)
    return services.screening_decide(actor=actor, screening=s, version=s.version, **fields)


def _text(letter) -> str:
    data = readable_path(LETTER_FOLDER, letter.uuid).read_bytes()
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


@freeze_time("2026-04-14")
def test_a_refusal_needs_the_intention_first(bibob_coordinator, advised):
    errors = _refusal(
        lambda: _decide(bibob_coordinator, advised, decision="refuse", decided_on=date(2026, 4, 14))
    )
    assert list(errors) == ["decision"]
    assert "Awb art. 4:8" in errors["decision"][0]
    assert _fresh(advised).decision == ""


@freeze_time("2026-04-14")
def test_an_intention_waits_for_a_pending_advice(bibob_coordinator):
    with freeze_time("2026-03-02"):
        s = ScreeningFactory(actor=bibob_coordinator, application_received_on=RECEIVED)
        s = services.screening_record_steps(
            actor=bibob_coordinator,
            screening=s,
            version=s.version,
            questionnaire_sent_on=date(2026, 2, 3),
            questionnaire_returned_on=date(2026, 2, 20),
            lbb_requested_on=date(2026, 3, 2),
        )
    errors = _refusal(
        lambda: _intend(
            bibob_coordinator, s, intention="refuse", intention_sent_on=date(2026, 4, 14)
        )
    )
    assert list(errors) == ["intention_sent_on"]
    assert _fresh(s).intention == ""


@freeze_time("2026-04-14")
def test_an_intention_with_conditions_names_them(bibob_coordinator, advised):
    errors = _refusal(
        lambda: _intend(
            bibob_coordinator, advised, intention="conditions", intention_sent_on=date(2026, 4, 14)
        )
    )
    assert list(errors) == ["conditions"]


def test_the_decision_waits_for_the_opinion_term(bibob_coordinator, advised):
    with freeze_time("2026-04-14"):
        s = _intend(
            bibob_coordinator, advised, intention="refuse", intention_sent_on=date(2026, 4, 14)
        )
    assert s.status == Status.INTENTION
    # Two weeks from 14 April: Tuesday 28 April (Atw: King's Day is the 27th, not the end).
    with freeze_time("2026-04-28"):
        errors = _refusal(
            lambda: _decide(bibob_coordinator, s, decision="refuse", decided_on=date(2026, 4, 28))
        )
        assert errors["decided_on"] == [
            "De aanvrager mag tot 28 april 2026 een zienswijze geven; besluit na die dag, of "
            "zodra de zienswijze is ontvangen."
        ]
    with freeze_time("2026-04-29"):
        s = _decide(bibob_coordinator, s, decision="refuse", decided_on=date(2026, 4, 29))
    assert s.status == Status.DECIDED


def test_an_opinion_received_must_be_answered(bibob_coordinator, advised):
    with freeze_time("2026-04-20"):
        s = _intend(
            bibob_coordinator,
            advised,
            intention="conditions",
            conditions="Geen omzet contant boven € 3.000",
            intention_sent_on=date(2026, 4, 14),
            opinion_received_on=date(2026, 4, 20),
            opinion_summary="De lening komt van een familielid.",
        )
        fields = {"decision": "conditions", "decided_on": date(2026, 4, 20)}
        fields["conditions"] = s.conditions
        assert list(_refusal(lambda: _decide(bibob_coordinator, s, **fields))) == ["opinion_answer"]
        s = _decide(
            bibob_coordinator, s, **fields, opinion_answer="Dat blijkt nergens uit de stukken."
        )
    assert s.opinion_answer == "Dat blijkt nergens uit de stukken."


@freeze_time("2026-04-14")
def test_an_opinion_needs_its_summary_and_comes_after_the_intention(bibob_coordinator, advised):
    errors = _refusal(
        lambda: _intend(
            bibob_coordinator,
            advised,
            intention="refuse",
            intention_sent_on=date(2026, 4, 14),
            opinion_received_on=date(2026, 4, 13),
        )
    )
    assert set(errors) == {"opinion_received_on", "opinion_summary"}


def test_the_letters_are_signed_by_the_office_and_name_only_the_applicant(
    bibob_coordinator, advised
):
    with freeze_time("2026-04-14"):
        with pytest.raises(ValidationError):
            services.letter_make(actor=bibob_coordinator, screening=advised, kind="voornemen")
        s = _intend(
            bibob_coordinator, advised, intention="refuse", intention_sent_on=date(2026, 4, 14)
        )
        first = services.letter_make(actor=bibob_coordinator, screening=s, kind="voornemen")
        again = services.letter_make(actor=bibob_coordinator, screening=s, kind="voornemen")
    assert (first.number, again.number) == (1, 2)
    text = _text(first)
    assert "Voornemen" in text
    assert "Bram Aanvrager" in text
    assert "14 april 2026" in text and "28 april 2026" in text  # sent, and the opinion term
    assert "ernstige mate van gevaar" in text
    assert "De burgemeester van Weerdam" in text
    for never in ("Dirk Geldschieter", "Lening uit onbekende bron", bibob_coordinator.username):
        assert never not in text
    made = AuditRecord.objects.filter(action="screening.letter", object_id=str(s.uuid))
    assert [r.changes["new"]["version"] for r in made.order_by("id")] == [1, 2]


def test_the_decision_letter_answers_the_opinion_and_gives_the_objection(
    bibob_coordinator, advised
):
    with freeze_time("2026-04-20"):
        s = _intend(
            bibob_coordinator,
            advised,
            intention="refuse",
            intention_sent_on=date(2026, 4, 14),
            opinion_received_on=date(2026, 4, 20),
            opinion_summary="Ik ken de financier niet.",
        )
        s = _decide(
            bibob_coordinator,
            s,
            decision="refuse",
            decided_on=date(2026, 4, 20),
            opinion_answer="De stukken tonen een overboeking van hem.",
        )
        letter = services.letter_make(actor=bibob_coordinator, screening=s, kind="besluit")
    text = _text(letter)
    assert "De vergunning wordt geweigerd." in text
    assert "Ik ken de financier niet." in text and "overboeking van hem" in text
    assert "zes weken" in text and "voorlopige voorziening" in text


@freeze_time("2026-04-14")
def test_a_college_permit_is_signed_by_the_college(bibob_coordinator):
    s = ScreeningFactory(
        actor=bibob_coordinator,
        permit_kind=PermitKind.objects.get(code="omgevingsvergunning"),
        application_received_on=RECEIVED,
    )
    s = _decide(bibob_coordinator, s, decision="grant", decided_on=date(2026, 4, 14))
    letter = services.letter_make(actor=bibob_coordinator, screening=s, kind="besluit")
    assert "Het college van burgemeester en wethouders van Weerdam" in _text(letter)


@freeze_time("2026-04-14")
def test_a_withdrawn_application_gets_no_decision_letter(bibob_coordinator):
    s = ScreeningFactory(actor=bibob_coordinator, application_received_on=RECEIVED)
    s = _decide(bibob_coordinator, s, decision="withdrawn", decided_on=date(2026, 4, 14))
    with pytest.raises(ValidationError):
        services.letter_make(actor=bibob_coordinator, screening=s, kind="besluit")
    assert not s.letters.exists()


@freeze_time("2026-04-14")
def test_the_page_makes_and_offers_the_letter(bibob_coordinator, advised):
    client = login(bibob_coordinator)
    page = client.get(reverse("screening:detail", args=[advised.uuid]))
    assert b"Leg eerst vast dat het voornemen is verzonden." in page.content
    response = client.post(
        reverse("screening:intention", args=[advised.uuid]),
        {
            "version": _fresh(advised).version,
            "intention": "refuse",
            "intention_sent_on": "2026-04-14",
        },
    )
    assert response.status_code == 302
    response = client.post(reverse("screening:letter_make", args=[advised.uuid, "voornemen"]))
    assert response.status_code == 302
    letter = advised.letters.get()
    download = client.get(reverse("screening:letter", args=[letter.uuid]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@freeze_time("2026-04-14")
def test_a_refused_intention_keeps_what_was_typed(bibob_coordinator, advised):
    response = login(bibob_coordinator).post(
        reverse("screening:intention", args=[advised.uuid]),
        {
            "version": _fresh(advised).version,
            "intention": "conditions",
            "intention_sent_on": "2026-04-14",
            "opinion_summary": "Een zienswijze zonder datum",
        },
    )
    assert response.status_code == 200
    form = response.context["intention_form"]
    assert set(form.errors) == {"conditions", "opinion_received_on"}
    assert b"Een zienswijze zonder datum" in response.content
    assert _fresh(advised).intention == ""
