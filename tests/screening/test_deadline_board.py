"""The terms of open screenings on the one deadline overview, for the Bibob role only."""

from datetime import date

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import ScreeningFactory, login
from weerbaar.core.deadline_board import Row, in_window
from weerbaar.screening import services

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("interventions:overview")


@pytest.fixture
def asked(bibob_coordinator):
    """Received 2 February 2026; questionnaire back, LBB asked on 2 March: due 27 April, King's Day, so 28 April (Atw art. 1)."""
    with freeze_time("2026-03-02"):
        s = ScreeningFactory(actor=bibob_coordinator, application_received_on=date(2026, 2, 2))
        return services.screening_record_steps(
            actor=bibob_coordinator,
            screening=s,
            version=s.version,
            questionnaire_sent_on=date(2026, 2, 3),
            questionnaire_returned_on=date(2026, 2, 20),
            lbb_requested_on=date(2026, 3, 2),
        )


def _rows(response) -> list[str]:
    return [r.reference for _board, rows in response.context["boards"] for r, _late in rows]


@freeze_time("2026-04-22")
def test_the_lbb_term_shows_in_the_week_before_it_ends(bibob_coordinator, asked):
    response = login(bibob_coordinator).get(OVERVIEW)
    assert response.status_code == 200
    [(board, rows)] = response.context["boards"]
    assert [(r.label, r.due_on, late) for r, late in rows] == [
        ("Advies van het LBB", date(2026, 4, 28), False)
    ]
    assert asked.reference.encode() in response.content
    assert reverse("screening:detail", args=[asked.uuid]).encode() in response.content


@freeze_time("2026-05-20")
def test_a_passed_lbb_term_is_not_late_work_of_the_municipality(bibob_coordinator, asked):
    # The LBB's term passed (28 April); the decision term, moved by the whole suspension of
    # 57 days, runs to 26 May: within the week.
    response = login(bibob_coordinator).get(OVERVIEW + "?window=overdue")
    assert _rows(response) == []
    response = login(bibob_coordinator).get(OVERVIEW)
    [(_board, rows)] = response.context["boards"]
    assert [(r.label, r.due_on) for r, _late in rows] == [
        ("Besluit op de aanvraag", date(2026, 5, 26))
    ]


@freeze_time("2026-06-02")
def test_a_passed_decision_term_is_late(bibob_coordinator, asked):
    response = login(bibob_coordinator).get(OVERVIEW + "?window=overdue")
    [(_board, rows)] = response.context["boards"]
    assert [(r.label, late) for r, late in rows] == [("Besluit op de aanvraag", True)]


@freeze_time("2026-04-22")
def test_the_terms_stay_in_the_compartment(regisseur, behandelaar, bibob_coordinator, asked):
    for user in (regisseur, behandelaar):
        response = login(user).get(OVERVIEW + "?window=all")
        assert response.context["boards"] == []
        assert asked.reference.encode() not in response.content


@freeze_time("2026-04-22")
def test_the_menu_offers_the_overview_to_the_bibob_role(bibob_coordinator, asked):
    response = login(bibob_coordinator).get(reverse("screening:list"))
    assert f'href="{OVERVIEW}"'.encode() in response.content


def test_a_decided_screening_has_no_terms_left(bibob_coordinator, asked):
    with freeze_time("2026-04-20"):
        s = services.screening_record_steps(
            actor=bibob_coordinator,
            screening=asked,
            version=asked.version,
            lbb_advised_on=date(2026, 4, 20),
            lbb_degree="none",
        )
        services.screening_decide(
            actor=bibob_coordinator,
            screening=s,
            version=s.version,
            decision="grant",
            decided_on=date(2026, 4, 20),
        )
        response = login(bibob_coordinator).get(OVERVIEW + "?window=all")
    assert _rows(response) == []


@pytest.mark.parametrize(
    ("due", "ours", "window", "shown"),
    [
        (date(2026, 5, 8), True, "week", True),  # the seventh day
        (date(2026, 5, 9), True, "week", False),
        (date(2026, 4, 30), True, "week", True),  # late
        (date(2026, 4, 30), False, "week", False),  # a party's term that passed
        (date(2026, 4, 30), True, "overdue", True),
        (date(2026, 5, 1), True, "overdue", False),
        (date(2026, 12, 1), True, "all", True),
        (date(2026, 4, 30), False, "all", False),
    ],
)
def test_the_windows_of_the_overview(due, ours, window, shown):
    row = Row(due, "termijn", "B-2026-0001", "/", ours)
    assert in_window(row, window, date(2026, 5, 1)) is shown


@freeze_time("2026-06-02")
def test_the_start_page_counts_the_late_decision(bibob_coordinator, asked):
    html = login(bibob_coordinator).get(reverse("home")).content.decode()
    block = html.split('id="werk-termijnen"', 1)[1].split('<li class="card"', 1)[0]
    assert f'href="{OVERVIEW}?window=overdue"><strong>1 te laat' in block
