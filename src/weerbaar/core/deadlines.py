"""Legal deadline arithmetic, in one place (ARCHITECTURE.md: deadlines follow the law).

A term (termijn) "begins on the day after" the event that starts it (e.g. art. 6:8 Awb: the
day after the decision was made known) and is counted in days, weeks or months. Its end then
follows the Algemene termijnenwet (Atw):

- art. 2: a statutory term of at least three days is extended as far as needed to contain at
  least two days that are not a Saturday, Sunday or generally recognised holiday;
- art. 1: a term that would end on a Saturday, Sunday or such holiday runs on to the next day
  that is none of these;
- art. 3: the holidays are New Year's Day, Easter Monday, Whit Monday, both Christmas days,
  Ascension Day, the day the King's birthday is celebrated and 5 May; Good Friday is equated
  with them, and days equated by decree (e.g. a Friday after Ascension Day) come as data.
"""

import calendar
from datetime import date, timedelta
from enum import StrEnum


class Unit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def kings_day(year: int) -> date:
    """The day the monarch's birthday is celebrated: 27 April from 2014 (26 April when the
    27th is a Sunday); Queen's Day on 30 April before (29 April when that is a Sunday)."""
    day = date(year, 4, 27) if year >= 2014 else date(year, 4, 30)
    return day - timedelta(days=1) if day.weekday() == 6 else day


def holidays(year: int) -> dict[date, str]:
    """The Atw art. 3 holidays of ``year`` with Good Friday, as {day: name}."""
    easter = easter_sunday(year)
    return {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter - timedelta(days=2): "Goede Vrijdag",
        easter + timedelta(days=1): "Tweede Paasdag",
        kings_day(year): "Koningsdag",
        date(year, 5, 5): "Bevrijdingsdag",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }


def is_working_day(day: date, equated: frozenset[date] = frozenset()) -> bool:
    """Not a Saturday, Sunday, holiday or day equated with one."""
    return day.weekday() < 5 and day not in holidays(day.year) and day not in equated


def add_months(day: date, months: int) -> date:
    """The same day number ``months`` later; the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def raw_end(event: date, amount: int, unit: Unit) -> date:
    """The last day of a term that begins the day after ``event``, before the Atw applies."""
    if unit == Unit.DAYS:
        return event + timedelta(days=amount)
    if unit == Unit.WEEKS:
        return event + timedelta(weeks=amount)
    return add_months(event, amount)


def term_end(
    event: date, amount: int, unit: Unit | str, equated: frozenset[date] = frozenset()
) -> date:
    """The last day of a statutory term that begins the day after ``event``."""
    unit = Unit(unit)
    if amount < 0:
        raise ValueError("a term cannot be negative")
    end = raw_end(event, amount, unit)
    if (end - event).days >= 3:  # Atw art. 2
        while _working_days(event + timedelta(days=1), end, equated) < 2:
            end += timedelta(days=1)
    while not is_working_day(end, equated):  # Atw art. 1
        end += timedelta(days=1)
    return end


def _working_days(first: date, last: date, equated: frozenset[date]) -> int:
    days = (last - first).days + 1
    return sum(is_working_day(first + timedelta(days=n), equated) for n in range(days))


def equated_days() -> frozenset[date]:
    """The days equated with holidays as recorded by the functioneel beheerder."""
    from weerbaar.core.models import EquatedDay

    return frozenset(EquatedDay.objects.values_list("day", flat=True))
