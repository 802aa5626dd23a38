"""Deadline arithmetic against real calendar dates (Algemene termijnenwet)."""

from datetime import date

import pytest

from weerbaar.core.deadlines import easter_sunday, holidays, is_working_day, kings_day, term_end


@pytest.mark.parametrize(
    "year, easter",
    [
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter(year, easter):
    assert easter_sunday(year) == easter


def test_kings_day_moves_off_sunday():
    assert kings_day(2025) == date(2025, 4, 26)  # the 27th is a Sunday
    assert kings_day(2026) == date(2026, 4, 27)
    assert kings_day(2006) == date(2006, 4, 29)  # Queen's Day on a Sunday moved back


def test_holidays_of_2026():
    assert set(holidays(2026)) == {
        date(2026, 1, 1),
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),  # Ascension Day
        date(2026, 5, 25),  # Whit Monday
        date(2026, 12, 25),
        date(2026, 12, 26),
    }


def test_objection_term_of_six_weeks_on_an_ordinary_day():
    # decision made known Monday 30 March 2026: the term runs until Monday 11 May
    assert term_end(date(2026, 3, 30), 6, "weeks") == date(2026, 5, 11)


def test_term_ending_on_kings_day_runs_on():
    assert term_end(date(2026, 3, 16), 6, "weeks") == date(2026, 4, 28)


def test_term_ending_on_good_friday_skips_the_easter_weekend():
    assert term_end(date(2026, 2, 20), 6, "weeks") == date(2026, 4, 7)


def test_term_ending_on_a_sunday_runs_to_monday():
    assert term_end(date(2026, 10, 4), 2, "weeks") == date(2026, 10, 19)


def test_term_ending_at_christmas_2026():
    # Friday 25 December, then the weekend: Monday 28 December
    assert term_end(date(2026, 11, 13), 6, "weeks") == date(2026, 12, 28)


def test_three_day_term_contains_two_working_days():
    # 25, 26, 27 December 2026: Christmas and a Sunday; art. 1 alone would give Monday 28,
    # which holds one working day; art. 2 extends to Tuesday 29.
    assert term_end(date(2026, 12, 24), 3, "days") == date(2026, 12, 29)


def test_month_term_at_the_end_of_a_month():
    # one month from 31 January 2026: 28 February, a Saturday, so Monday 2 March
    assert term_end(date(2026, 1, 31), 1, "months") == date(2026, 3, 2)
    assert term_end(date(2028, 1, 31), 1, "months") == date(2028, 2, 29)  # leap year, Tuesday


def test_penalty_collection_year_over_new_year():
    # forfeited 1 January 2027 (a holiday itself): one year later is New Year's Day 2028,
    # a Saturday: Monday 3 January 2028
    assert term_end(date(2027, 1, 1), 12, "months") == date(2028, 1, 3)


def test_equated_days_come_as_data():
    friday_after_ascension = date(2026, 5, 15)
    assert is_working_day(friday_after_ascension)
    assert not is_working_day(friday_after_ascension, frozenset({friday_after_ascension}))
    # a two-week term from Friday 1 May ends on Friday 15 May, unless that day is equated
    assert term_end(date(2026, 5, 1), 2, "weeks") == friday_after_ascension
    assert term_end(date(2026, 5, 1), 2, "weeks", frozenset({friday_after_ascension})) == date(
        2026, 5, 18
    )


def test_whit_monday_and_ascension():
    assert term_end(date(2026, 4, 30), 2, "weeks") == date(2026, 5, 15)  # Thursday 14 May
    assert term_end(date(2026, 5, 11), 2, "weeks") == date(2026, 5, 26)  # Whit Monday 25 May


def test_negative_terms_are_refused():
    with pytest.raises(ValueError):
        term_end(date(2026, 1, 1), -1, "days")
