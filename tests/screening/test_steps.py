"""The order of a screening's steps, its deadlines and the audit rows of its services."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from tests.factories import ScreeningFactory, make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.screening import deadlines, services
from weerbaar.screening.constants import Decision, Degree, Status
from weerbaar.screening.models import ChecklistItem

pytestmark = pytest.mark.django_db

RECEIVED = date(2026, 2, 2)  # a Monday


@pytest.fixture
def screening(bibob_coordinator):
    with freeze_time("2026-02-02"):
        return ScreeningFactory(actor=bibob_coordinator, application_received_on=RECEIVED)


def _steps(actor, screening, **steps):
    screening.refresh_from_db()
    return services.screening_record_steps(
        actor=actor, screening=screening, version=screening.version, **steps
    )


def _refusal(call) -> dict:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.message_dict


@freeze_time("2026-06-01")
def test_lbb_request_before_the_questionnaire_is_back_is_refused(bibob_coordinator, screening):
    errors = _refusal(
        lambda: _steps(
            bibob_coordinator,
            screening,
            questionnaire_sent_on=date(2026, 2, 3),
            lbb_requested_on=date(2026, 2, 10),
        )
    )
    assert errors == {
        "lbb_requested_on": [
            "Vraag het advies van het LBB pas aan als de vragenlijst compleet terug is."
        ]
    }
    screening.refresh_from_db()
    assert screening.questionnaire_sent_on is None  # nothing stored half
    assert screening.status == Status.NEW


@freeze_time("2026-06-01")
def test_an_advice_before_its_request_is_refused(bibob_coordinator, screening):
    errors = _refusal(
        lambda: _steps(
            bibob_coordinator,
            screening,
            questionnaire_sent_on=date(2026, 2, 3),
            questionnaire_returned_on=date(2026, 2, 20),
            lbb_requested_on=date(2026, 3, 2),
            lbb_advised_on=date(2026, 2, 27),
            lbb_degree=Degree.NONE,
        )
    )
    assert errors == {"lbb_advised_on": ["Het advies kan niet eerder komen dan de aanvraag ervan."]}


@freeze_time("2026-06-01")
def test_a_decision_before_the_advice_is_refused(bibob_coordinator, screening):
    _steps(
        bibob_coordinator,
        screening,
        questionnaire_sent_on=date(2026, 2, 3),
        questionnaire_returned_on=date(2026, 2, 20),
        lbb_requested_on=date(2026, 3, 2),
    )
    screening.refresh_from_db()

    def decide(day, **extra):
        screening.refresh_from_db()
        return services.screening_decide(
            actor=bibob_coordinator,
            screening=screening,
            version=screening.version,
            decision=Decision.GRANT,
            decided_on=day,
            **extra,
        )

    assert _refusal(lambda: decide(date(2026, 4, 1))) == {
        "decided_on": ["Besluit pas als het advies van het LBB binnen is."]
    }
    _steps(bibob_coordinator, screening, lbb_advised_on=date(2026, 4, 13), lbb_degree=Degree.LESSER)
    assert _refusal(lambda: decide(date(2026, 4, 10))) == {
        "decided_on": ["Het besluit komt na het advies van het LBB."]
    }
    decided = decide(date(2026, 4, 20))
    assert (decided.status, decided.decision) == (Status.DECIDED, Decision.GRANT)


@freeze_time("2026-06-01")
def test_conditions_are_required_for_a_grant_with_conditions(bibob_coordinator, screening):
    errors = _refusal(
        lambda: services.screening_decide(
            actor=bibob_coordinator,
            screening=screening,
            version=screening.version,
            decision=Decision.CONDITIONS,
            decided_on=date(2026, 3, 1),
            conditions=" ",
        )
    )
    assert errors == {"conditions": ["Noem de voorwaarden van de vergunning."]}


@freeze_time("2026-06-01")
def test_a_decided_screening_does_not_change_any_more(bibob_coordinator, screening):
    services.screening_decide(
        actor=bibob_coordinator,
        screening=screening,
        version=screening.version,
        decision=Decision.WITHDRAWN,
        decided_on=date(2026, 3, 1),
    )
    with pytest.raises(ValidationError, match="is besloten"):
        _steps(bibob_coordinator, screening, questionnaire_sent_on=date(2026, 3, 2))


@freeze_time("2026-06-01")
def test_the_suspension_moves_the_decision_deadline(bibob_coordinator, screening):
    """Received Monday 2 February 2026, decision term 8 weeks: Monday 30 March. The LBB is asked
    on 2 March and advises on 13 April: 42 days of suspension, so the last day becomes Monday
    11 May 2026. While the advice is pending, the whole LBB term counts: 8 weeks end on
    Koningsdag, Monday 27 April, so on Tuesday 28 April: 57 days."""
    assert deadlines.decision_due(screening) == date(2026, 3, 30)
    _steps(
        bibob_coordinator,
        screening,
        questionnaire_sent_on=date(2026, 2, 3),
        questionnaire_returned_on=date(2026, 2, 20),
        lbb_requested_on=date(2026, 3, 2),
    )
    screening.refresh_from_db()
    assert deadlines.lbb_due(screening) == date(2026, 4, 28)
    assert deadlines.suspension_days(screening) == 57
    assert deadlines.decision_due(screening) == date(2026, 5, 26)
    _steps(bibob_coordinator, screening, lbb_extended=True)
    screening.refresh_from_db()
    assert deadlines.lbb_due(screening) == date(2026, 5, 26)  # 25 May is Whit Monday
    _steps(bibob_coordinator, screening, lbb_advised_on=date(2026, 4, 13), lbb_degree=Degree.LESSER)
    screening.refresh_from_db()
    assert deadlines.suspension_days(screening) == 42
    assert deadlines.decision_due(screening) == date(2026, 5, 11)
    rows = {d.label: d for d in deadlines.compute(screening)}
    assert rows["Besluit op de aanvraag"].note == "verschoven met 42 dagen opschorting"


@freeze_time("2026-06-01")
def test_every_step_leaves_its_audit_row(bibob_coordinator, screening):
    def rows_of(call):
        before = AuditRecord.objects.order_by("-id").values_list("id", flat=True).first()
        call()
        return list(AuditRecord.objects.filter(id__gt=before).values_list("action", flat=True))

    assert rows_of(
        lambda: _steps(bibob_coordinator, screening, questionnaire_sent_on=date(2026, 2, 3))
    ) == ["screening.step"]
    party = make_person("Bert Aandeel")
    assert rows_of(
        lambda: services.party_add(
            actor=bibob_coordinator, screening=screening, subject=party, role="aandeelhouder"
        )
    ) == ["screening.party_added"]
    item = ChecklistItem.objects.get(code="financiering")
    assert rows_of(
        lambda: services.finding_record(
            actor=bibob_coordinator,
            screening=screening,
            item=item,
            text="Lening van een familielid zonder overeenkomst",
            source_grade="B",
            info_grade="2",
        )
    ) == ["screening.finding"]
    record = AuditRecord.objects.filter(action="screening.step").latest("id")
    assert (record.object_type, record.object_id) == ("screening.screening", str(screening.uuid))


def test_the_reference_counts_per_year(bibob_coordinator):
    with freeze_time("2026-03-01"):
        first = ScreeningFactory(actor=bibob_coordinator)
        second = ScreeningFactory(actor=bibob_coordinator)
    assert (first.reference, second.reference) == ("B-2026-0001", "B-2026-0002")


@freeze_time("2026-06-01")
def test_a_decided_screening_shows_its_steps_in_words(bibob_coordinator, screening):
    from django.urls import reverse

    from tests.factories import login

    _steps(
        bibob_coordinator,
        screening,
        questionnaire_sent_on=date(2026, 2, 9),
        questionnaire_returned_on=date(2026, 2, 20),
        lbb_requested_on=date(2026, 3, 2),
        lbb_advised_on=date(2026, 4, 13),
        lbb_degree=Degree.LESSER,
    )
    screening.refresh_from_db()
    services.screening_decide(
        actor=bibob_coordinator,
        screening=screening,
        version=screening.version,
        decision=Decision.WITHDRAWN,
        decided_on=date(2026, 5, 1),
    )
    page = login(bibob_coordinator).get(reverse("screening:detail", args=[screening.uuid]))
    text = page.content.decode()
    steps = text[text.index('<dl class="facts">', text.index("Eigen onderzoek")) :]
    assert "Een minder ernstige mate van gevaar" in steps[:3000] and "lesser" not in text
    assert "20 februari 2026" in steps[:3000]
