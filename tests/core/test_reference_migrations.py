"""The migration that brings reference numbers numbers the signals and cases that exist, by
their date within each year, and the next one created continues the series."""

import datetime
import importlib

import pytest
from django.core.management import call_command
from django.db import connection
from freezegun import freeze_time

from tests.factories import CaseFactory, SignalFactory
from weerbaar.cases.models import Case
from weerbaar.signals import selectors
from weerbaar.signals.models import Signal


def _dated(factory, field: str, day: str):
    row = factory()
    type(row).objects.filter(pk=row.pk).update(**{field: datetime.date.fromisoformat(day)})
    return row


def _references(rows) -> list[str]:
    return [type(row).objects.get(pk=row.pk).reference for row in rows]


@pytest.fixture
def _emptied_afterwards():
    """Let the test database be emptied afterwards, as a database administrator could: the
    audit trail's triggers refuse the flush (see tests/test_migrations.py)."""
    yield
    append_only = importlib.import_module("weerbaar.audit.migrations.0002_append_only")
    with connection.cursor() as cursor:
        for sql in append_only.UNDO[connection.vendor]:
            cursor.execute(sql)
        cursor.execute("DELETE FROM audit_auditrecord")
        cursor.execute("DELETE FROM audit_auditchainhead")
    call_command("migrate", "audit", "0001", verbosity=0)
    call_command("migrate", verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("_emptied_afterwards")
def test_existing_rows_are_numbered_by_date_within_each_year(regisseur):
    signals = [
        _dated(SignalFactory, "reported_on", day)
        for day in ("2026-03-05", "2025-11-01", "2026-01-10", "2025-11-01")
    ]
    cases = [
        _dated(CaseFactory, "opened_on", day) for day in ("2026-02-01", "2026-01-15", "2025-06-30")
    ]
    call_command("migrate", "core", "0001", verbosity=0)
    call_command("migrate", verbosity=0)

    assert _references(signals) == ["S-2026-0002", "S-2025-0001", "S-2026-0001", "S-2025-0002"]
    assert _references(cases) == ["C-2026-0002", "C-2026-0001", "C-2025-0001"]
    with freeze_time("2026-06-01 12:00"):
        assert SignalFactory().reference == "S-2026-0003"
        assert CaseFactory().reference == "C-2026-0003"
    # SQLite rebuilt the table for the unique column: the full-text search still finds it.
    found = selectors.signal_list(user=regisseur, q="hennepkwekerij")
    assert found.count() == Signal.objects.count() == 5
    assert Case.objects.filter(reference__startswith="C-2026-").count() == 3
