"""The toolbox as data, the policy matrix, the Awb procedure and its deadlines, letters."""

import io
from datetime import date
from decimal import Decimal

import docx
import pypdf
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import login, make_address
from weerbaar.cases import services as cases
from weerbaar.cases.models import CaseType
from weerbaar.interventions import selectors, services
from weerbaar.interventions.models import Deadline, Instrument, PolicyRule

pytestmark = pytest.mark.django_db


def _case(actor, team, address=None):
    address = address or make_address("Loodsweg", 3, "6981AB", "Doesburg")
    return cases.case_open(
        actor=actor,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
        title="Loodsweg 3",
        owner_team=team,
        subjects=[(address, "location")],
    )


def _instrument(code):
    return Instrument.objects.get(code=code)


def test_toolbox_and_damocles_matrix_are_policy_data():
    assert Instrument.objects.count() == 14
    assert _instrument("damocles-sluiting").legal_basis == "art. 13b Opiumwet"
    assert PolicyRule.objects.count() == 36
    rule = services.suggest(premise_type="business", finding="hard_drugs", offence=3)
    assert rule.indefinite and rule.measure.code == "damocles-sluiting"


def test_the_matrix_and_the_repeat_history_suggest_the_measure(regisseur, team):
    address = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    first = _case(regisseur, team, address)
    client = login(regisseur)
    page = client.get(reverse("interventions:start", args=[first.uuid])).content.decode()
    assert 'name="offence" value="1"' in page
    warning = services.intervention_start(
        actor=regisseur,
        case=first,
        instrument=_instrument("bestuurlijke-waarschuwing"),
        premise_type="home",
        finding="hemp",
        offence=1,
    )
    assert warning.suggestion == "Bestuurlijke waarschuwing"
    services.intervention_record(
        actor=regisseur,
        intervention=warning,
        decision_on=date.today(),
        opinion_skipped_reason="Waarschuwing, geen besluit",
    )
    second = _case(regisseur, team, address)
    page = client.get(reverse("interventions:start", args=[second.uuid])).content.decode()
    assert 'name="offence" value="2"' in page and "overtreding nummer 2" in page
    refused = client.post(
        reverse("interventions:start", args=[second.uuid]),
        {
            "instrument": _instrument("damocles-sluiting").pk,
            "premise_type": "home",
            "finding": "hemp",
            "offence": 2,
            "duration_months": 6,
        },
    )
    html = refused.content.decode()
    assert "Het beleid zegt: Sluiting (Damocles) voor 3 maanden" in html
    client.post(
        reverse("interventions:start", args=[second.uuid]),
        {
            "instrument": _instrument("damocles-sluiting").pk,
            "premise_type": "home",
            "finding": "hemp",
            "offence": 2,
            "duration_months": 6,
            "deviation_reason": "Ook harddrugs aangetroffen, zwaardere maatregel nodig.",
        },
    )
    closure = second.interventions.get()
    assert closure.duration_months == 6 and "zwaardere" in closure.deviation_reason


@freeze_time("2026-04-20")
def test_awb_procedure_dates_and_deadlines(regisseur, team):
    case = _case(regisseur, team)
    closure = services.intervention_start(
        actor=regisseur, case=case, instrument=_instrument("damocles-sluiting"), duration_months=3
    )
    record = lambda **d: services.intervention_record(actor=regisseur, intervention=closure, **d)  # noqa: E731
    with pytest.raises(ValidationError, match="voornemen"):
        record(decision_on=date(2026, 3, 2))
    record(intention_sent_on=date(2026, 3, 16))
    # the opinion term: two weeks from 16 March ends Monday 30 March
    assert Deadline.objects.get(kind="opinion").due_on == date(2026, 3, 30)
    with pytest.raises(ValidationError, match="zienswijzetermijn"):
        record(decision_on=date(2026, 3, 25))
    record(opinion_received_on=date(2026, 3, 27), decision_on=date(2026, 3, 31))
    record(made_known_on=date(2026, 4, 2))
    deadlines = dict(Deadline.objects.values_list("kind", "due_on"))
    # 2 April + 14 days = Thursday 16 April; + 6 weeks = Thursday 14 May: Ascension Day,
    # so the objection term runs on to Friday 15 May (Atw art. 1)
    assert deadlines["compliance"] == date(2026, 4, 16)
    assert deadlines["objection"] == date(2026, 5, 15)
    with pytest.raises(ValidationError, match="risicotaxatie"):
        record(execution_from=date(2026, 4, 17))
    record(
        risk_assessment_requested_on=date(2026, 4, 10),
        risk_assessment_note="Politie: geen bijzondere risico's.",
        execution_from=date(2026, 4, 17),
        seal_placed_on=date(2026, 4, 17),
    )
    closure.refresh_from_db()
    assert closure.execution_until == date(2026, 7, 17) and closure.stage == "executed"
    record(objection_received_on=date(2026, 4, 20), advisory_committee=True)
    # decided within 12 weeks after the end of the objection term (Awb 7:10)
    assert Deadline.objects.get(kind="objection_decision").due_on == date(2026, 8, 7)
    assert Deadline.objects.get(kind="closure_end").due_on == date(2026, 7, 17)
    with pytest.raises(ValidationError, match="toekomst"):
        record(objection_decided_on=date(2026, 5, 1))


@freeze_time("2026-06-01")
def test_penalty_order_forfeitures_and_collection(regisseur, team):
    case = _case(regisseur, team)
    with pytest.raises(ValidationError):
        services.intervention_start(
            actor=regisseur, case=case, instrument=_instrument("last-onder-dwangsom")
        )
    order = services.intervention_start(
        actor=regisseur,
        case=case,
        instrument=_instrument("last-onder-dwangsom"),
        penalty_amount=Decimal("2500"),
        penalty_unit="violation",
        penalty_maximum=Decimal("10000"),
    )
    services.intervention_record(
        actor=regisseur,
        intervention=order,
        intention_sent_on=date(2026, 3, 2),
        opinion_received_on=date(2026, 3, 10),
        decision_on=date(2026, 3, 20),
        made_known_on=date(2026, 3, 23),
    )
    services.forfeiture_add(
        actor=regisseur, intervention=order, forfeited_on=date(2026, 4, 15), amount=Decimal("7500")
    )
    with pytest.raises(ValidationError, match="boven het maximum"):
        services.forfeiture_add(
            actor=regisseur,
            intervention=order,
            forfeited_on=date(2026, 5, 1),
            amount=Decimal("5000"),
        )
    assert Deadline.objects.get(kind="collection").due_on == date(2027, 4, 15)


@freeze_time("2026-06-01")
def test_overview_digest_and_finish(regisseur, behandelaar, team):
    behandelaar.email = "bart@weerdam.invalid"
    behandelaar.save()
    case = _case(regisseur, team)
    closure = services.intervention_start(
        actor=regisseur,
        case=case,
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
    # compliance ends 1 June (today): due this week; nothing overdue yet
    owner = login(behandelaar)
    week = owner.get(reverse("interventions:overview")).content.decode()
    assert "Einde van de begunstigingstermijn" in week and "Loodsweg 3" in week
    team_view = login(regisseur).get(reverse("interventions:overview"), {"scope": "team"})
    assert "Loodsweg 3" in team_view.content.decode()
    assert (
        "Loodsweg 3" not in login(regisseur).get(reverse("interventions:overview")).content.decode()
    )
    call_command("deadlines", "digest", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["bart@weerdam.invalid"]]
    assert "begunstigingstermijn" in mail.outbox[0].body
    with freeze_time("2026-06-10"):
        owner = login(behandelaar)
        overdue = owner.get(
            reverse("interventions:overview"), {"window": "overdue"}
        ).content.decode()
        assert "Einde van de begunstigingstermijn" in overdue
        # the party's own objection term is never the official's overdue item
        assert "Einde van de bezwaartermijn" not in overdue
        # the default view hides nothing overdue: first, and said in words, not colour (#14)
        week = owner.get(reverse("interventions:overview")).content.decode()
        assert "Einde van de begunstigingstermijn" in week and "Te laat" in week
        rows = list(selectors.deadline_overview(user=behandelaar, window="all"))
        assert rows[0].overdue and [r.overdue for r in rows] == sorted(
            (r.overdue for r in rows), reverse=True
        )
    services.intervention_finish(actor=regisseur, intervention=closure, result="complied")
    assert not Deadline.objects.filter(done=False).exists()


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs) + document.core_properties.author


@freeze_time("2026-06-01")
def test_letters_are_signed_by_the_office_never_by_the_official(regisseur, team):
    from tests.interventions.letter_world import closure as _closure
    from weerbaar.cases.models import DocumentVersion

    regisseur.first_name, regisseur.last_name = "Rianne", "de Regt"
    regisseur.save()
    closure = _closure(regisseur, team, until="decision")
    client = login(regisseur)
    texts = []
    for kind in ("voornemen", "besluit"):
        for fmt in ("docx", "pdf"):
            made = client.post(
                reverse("interventions:letter_make", args=[closure.uuid, kind]), {"fmt": fmt}
            )
            assert made.status_code == 302
            version = DocumentVersion.objects.filter(file_name__endswith=f"{kind}.{fmt}").get()
            content = b"".join(client.get(reverse("cases:document", args=[version.uuid])))
            if fmt == "docx":
                texts.append(_docx_text(content))
            else:
                reader = pypdf.PdfReader(io.BytesIO(content))
                texts += ["".join(p.extract_text() for p in reader.pages), str(reader.metadata)]
    joined = "\n".join(texts)
    assert "De burgemeester van Weerdam" in joined and "veiligheid@weerdam.invalid" in joined
    assert "Loodsweg 3" in joined and "11 mei 2026" in joined  # opinion term end
    for forbidden in ("Rianne", "Regt", "R. de", regisseur.username):
        assert forbidden not in joined, forbidden
    dwangsom = client.get(reverse("interventions:letter", args=[closure.uuid, "dwangsom"]))
    assert dwangsom.status_code == 404


def test_stale_procedure_page_is_refused(regisseur, team):
    case = _case(regisseur, team)
    closure = services.intervention_start(
        actor=regisseur, case=case, instrument=_instrument("damocles-sluiting"), duration_months=3
    )
    client = login(regisseur)
    url = reverse("interventions:steps", args=[closure.uuid])
    client.post(url, {"version": 0, "intention_sent_on": "2026-01-05"})
    stale = client.post(url, {"version": 0, "intention_sent_on": "2026-01-06"})
    assert stale.status_code == 409
    closure.refresh_from_db()
    assert closure.intention_sent_on == date(2026, 1, 5)


def test_earlier_closures_show_on_the_new_case(regisseur, team):
    address = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    first = _case(regisseur, team, address)
    warning = services.intervention_start(
        actor=regisseur, case=first, instrument=_instrument("bestuurlijke-waarschuwing")
    )
    services.intervention_record(
        actor=regisseur,
        intervention=warning,
        opinion_skipped_reason="Geen besluit",
        decision_on=date(2024, 5, 2),
    )
    second = _case(regisseur, team, address)
    html = (
        login(regisseur)
        .get(reverse("interventions:for_case", args=[second.uuid]), HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert "Eerdere Damoclesmaatregelen bij dezelfde subjecten" in html and "2-5-2024" in html
