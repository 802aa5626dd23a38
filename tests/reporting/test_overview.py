"""The mayor's and management's overview: aggregates of the work now, the Damocles decisions
waiting for the mayor, each chart with its table (#16)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import login
from weerbaar.audit.models import AuditRecord
from weerbaar.reporting.selectors import overview

pytestmark = pytest.mark.django_db

URL = reverse("reporting:overview")


def _grid(grids, key):
    return next(g for g in grids if g.key == key)


def _sum(grid) -> int:
    total = next((r for r in grid.rows if r.total), None)
    rows = [total] if total else grid.rows
    return sum(v for r in rows for v in r.values[-1:] if isinstance(v, int))


def test_the_counts_are_what_the_data_holds(regisseur):
    from tests.factories import CaseFactory, SignalFactory
    from weerbaar.signals.models import Signal

    SignalFactory.create_batch(3)
    CaseFactory.create_batch(2)
    grids = overview(user=regisseur)
    open_signals = Signal.objects.exclude(status="closed").filter(merged_into__isnull=True)
    assert _sum(_grid(grids, "signalen")) == open_signals.count() == 3
    assert _sum(_grid(grids, "casussen")) == 2
    trend = _grid(grids, "trend")
    assert len(trend.columns) == 12
    assert sum(v or 0 for r in trend.rows for v in r.values[-1:] if isinstance(v, int)) == 3


def test_the_mayor_sees_small_numbers_only_of_what_the_role_may_see(
    burgemeester, regisseur, other_team
):
    from tests.factories import CaseFactory
    from weerbaar.cases.models import CaseType

    hidden_type = CaseType.objects.create(code="verborgen", name="Verborgen")
    CaseFactory.create_batch(2, owner_team=other_team, case_type=hidden_type)
    assert _grid(overview(user=burgemeester), "casussen").rows[-1].values[-1] == "< 5"
    assert _grid(overview(user=regisseur), "casussen").rows[-1].values[-1] == 2


def test_the_page_shows_each_chart_with_its_table(regisseur):
    from tests.factories import SignalFactory

    SignalFactory.create_batch(2)
    response = login(regisseur).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="chart-signalen"' in html and 'id="tabel-signalen"' in html
    assert "vendor/chartjs/chart.umd.min.js" in html
    charts = response.context["charts"]
    assert {c["id"] for c in charts} >= {"chart-signalen", "chart-trend"}
    viewed = AuditRecord.objects.filter(action="reporting.viewed").get()
    assert viewed.changes["extra"]["page"] == "overzicht"


def test_the_damocles_queue_lists_decisions_waiting_for_the_mayor(regisseur):
    from tests.factories import CaseFactory, InterventionFactory
    from weerbaar.interventions import services
    from weerbaar.interventions.models import Instrument

    case = CaseFactory(actor=regisseur)
    intervention = InterventionFactory(
        actor=regisseur, case=case, instrument=Instrument.objects.get(code="damocles-sluiting")
    )
    assert not login(regisseur).get(URL).context["queue_count"]
    intervention.refresh_from_db()
    services.intervention_record(
        actor=regisseur,
        intervention=intervention,
        police_report_on=timezone.localdate() - timedelta(days=10),
        police_report_reference="PL-2026-001",
        intention_sent_on=timezone.localdate() - timedelta(days=3),
    )
    response = login(regisseur).get(URL)
    assert response.context["queue_count"] == 1
    assert reverse("interventions:detail", args=[intervention.uuid]) in response.content.decode()


def test_a_partner_gets_none_of_it(ketenpartner):
    assert login(ketenpartner).get(URL).status_code == 404
