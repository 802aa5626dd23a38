"""The yearly report over the demo municipality: every section has figures, each table's
total is what the data holds, and no file names a person or an address."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.exports import confirmed, file_bytes
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
    response = confirmed(login(demo)).get(
        reverse("reporting:report"),
        {"van": this - 6, "tot": this, "format": "csv", "doel": "Controle op persoonsgegevens"},
    )
    text = file_bytes(response).decode("utf-8-sig")
    labels = Subject.objects.exclude(kind="organisation").values_list("label", flat=True)
    assert not [label for label in labels if len(label) > 6 and label in text]


def test_bibob_and_inspections_are_in_the_report(demo):
    from weerbaar.inspections.models import Inspection

    this = timezone.localdate().year
    sections = yearly_report(user=demo, years=range(this - 1, this + 1))
    bibob = next(t for s in sections for t in s.tables if t.key == "bibob")
    # The regisseur is outside the compartment: the totals come, small ones as "< 5".
    assert bibob.rows and all(
        v is None or v == "< 5" or v >= 5 for r in bibob.rows for v in r.values
    )
    held = Inspection.objects.filter(held_on__year__gte=this - 1).exclude(held_on=None)
    assert _totals(sections, "controles") == held.filter(status__in=["held", "closed"]).count()
    bibob_user = User.objects.get(username="bibob")
    exact = yearly_report(user=bibob_user, years=range(this - 1, this + 1))
    started = next(t for s in exact for t in s.tables if t.key == "bibob").rows[0]
    assert sum(v or 0 for v in started.values) == 11


def test_before_any_data_the_section_says_not_registered_yet(regisseur):
    response = confirmed(login(regisseur)).get(
        reverse("reporting:report"), {"van": 2016, "tot": 2019}
    )
    assert response.content.decode().count("Nog niet geregistreerd.") == 3
