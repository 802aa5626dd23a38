"""The yearly report over the demo municipality: every section has figures, each table's
total is what the data holds, and no file names a person or an address."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import login
from weerbaar.accounts.models import User
from weerbaar.reporting.selectors import yearly_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo-data", seed=5, scale=0.25, quiet_progress=True, stdout=io.StringIO())
    return User.objects.get(username="regisseur")


def _totals(sections, key) -> int:
    table = next(t for s in sections for t in s.tables if t.key == key)
    rows = [r for r in table.rows if r.total] or table.rows
    return sum(v for row in rows for v in row.values if isinstance(v, int))


def test_every_table_adds_up_to_the_data(demo):
    from weerbaar.cases.models import Case
    from weerbaar.intake.models import Report
    from weerbaar.interventions.models import Intervention
    from weerbaar.signals.models import Signal

    this = timezone.localdate().year
    years = range(this - 6, this + 1)
    sections = yearly_report(user=demo, years=years)
    first = {"__year__gte": years.start}
    assert (
        _totals(sections, "casuistiek")
        == Case.objects.filter(**{f"opened_on{k}": v for k, v in first.items()}).count()
    )
    assert (
        _totals(sections, "maatregelen")
        == Intervention.objects.filter(decision_on__year__gte=years.start).count()
    )
    assert (
        _totals(sections, "meldingen")
        == Report.objects.filter(submitted_on__year__gte=years.start).count()
    )
    assert (
        _totals(sections, "fenomenen")
        == Signal.objects.filter(
            merged_into__isnull=True, reported_on__year__gte=years.start
        ).count()
    )
    for key in ("casuistiek", "maatregelen", "meldingen", "fenomenen", "overleggen", "besluiten"):
        assert _totals(sections, key) > 0, key


def test_no_file_names_a_person_or_an_address(demo):
    from weerbaar.subjects.models import Subject

    this = timezone.localdate().year
    response = login(demo).get(
        reverse("reporting:report"),
        {"van": this - 6, "tot": this, "format": "csv", "doel": "Controle op persoonsgegevens"},
    )
    text = response.content.decode("utf-8-sig")
    labels = Subject.objects.exclude(kind="organisation").values_list("label", flat=True)
    assert not [label for label in labels if len(label) > 6 and label in text]
