"""Human reference numbers: S-2026-0042 for signals, C-2026-0007 for cases, per calendar year,
without gaps, also when two officers create at the same moment."""

import threading

import pytest
from django.conf import settings as django_settings
from django.db import IntegrityError, connection, transaction
from freezegun import freeze_time

from tests.factories import CaseFactory, SignalFactory
from weerbaar.core.models import ReferenceCounter
from weerbaar.core.references import typed_reference
from weerbaar.signals.models import Signal
from weerbaar.signals.services import signal_create

ON_POSTGRES = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.mark.django_db
def test_signals_are_numbered_per_year_from_one():
    with freeze_time("2026-12-31 12:00"):
        first, second = SignalFactory(), SignalFactory()
    with freeze_time("2027-01-02 12:00"):
        new_year = SignalFactory()
    assert [first.reference, second.reference, new_year.reference] == [
        "S-2026-0001",
        "S-2026-0002",
        "S-2027-0001",
    ]


@pytest.mark.django_db
def test_cases_have_their_own_series():
    with freeze_time("2026-03-01 12:00"):
        SignalFactory()
        case = CaseFactory()
    assert case.reference == "C-2026-0001"
    assert str(case) == f"C-2026-0001 {case.title}"


@pytest.mark.django_db
def test_a_rolled_back_creation_gives_its_number_back():
    with freeze_time("2026-05-01 12:00"):
        with pytest.raises(RuntimeError), transaction.atomic():
            SignalFactory()
            raise RuntimeError("the save fails after the number was taken")
        assert SignalFactory().reference == "S-2026-0001"


@pytest.mark.django_db
def test_the_database_refuses_a_number_twice():
    signal = SignalFactory()
    other = SignalFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Signal.objects.filter(pk=other.pk).update(reference=signal.reference)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("S-2026-0042", "S-2026-0042"),
        ("s-2026-0042", "S-2026-0042"),
        ("2026-0042", "S-2026-0042"),
        (" 2026-42 ", "S-2026-0042"),
        ("S-2026-12345", "S-2026-12345"),
        ("C-2026-0042", None),
        ("hennep 2026", None),
        ("2026", None),
    ],
)
def test_a_typed_reference_is_read_as_officers_write_it(typed, expected):
    assert typed_reference(typed, "S") == expected


def _at_once(work, count: int) -> list:
    """Run ``work()`` ``count`` times in threads with their own connections, released
    together; returns what each returned or raised."""
    start, outcome = threading.Barrier(count), [None] * count

    def run(index):
        try:
            start.wait()
            outcome[index] = work()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            outcome[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcome


# Threads with their own connections only see what was committed: the race needs a
# transactional test on PostgreSQL. SQLite serialises every writer, so there the same test
# shows the numbering of writers one after the other.
@pytest.mark.django_db(transaction=ON_POSTGRES, serialized_rollback=ON_POSTGRES)
def test_signals_created_at_once_get_different_numbers():
    # The first of the year: the writers also race to insert the year's counter row.
    def create():
        return signal_create(actor=None, channel="internal", description="Drukte bij de loods.")

    outcome = _at_once(create, 4) if ON_POSTGRES else [create() for _ in range(4)]
    assert all(isinstance(o, Signal) for o in outcome), outcome
    numbers = sorted(int(o.reference.rsplit("-", 1)[1]) for o in outcome)
    assert numbers == [1, 2, 3, 4]
    assert ReferenceCounter.objects.get(prefix="S").last == 4
