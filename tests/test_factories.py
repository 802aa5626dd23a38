"""The shared factories make their rows through the apps' services, audit row included."""

import pytest

from tests import factories
from weerbaar.audit.models import AuditRecord

pytestmark = pytest.mark.django_db

# factory: the audit action its service leaves on the object it returns (None: no service)
MADE_BY = {
    factories.PersonFactory: "subjects.created",
    factories.AddressFactory: "subjects.created",
    factories.OrganisationFactory: "subjects.created",
    factories.VehicleFactory: "subjects.created",
    factories.SignalFactory: "signals.created",
    factories.ReportFactory: "intake.report_submitted",
    factories.CaseFactory: "cases.opened",
    factories.MeetingSeriesFactory: None,
    factories.MeetingFactory: "meetings.planned",
    factories.AgendaItemFactory: None,
    factories.InterventionFactory: "interventions.started",
    factories.AlertFactory: None,
    factories.ImportRunFactory: None,
}


@pytest.mark.parametrize("factory", MADE_BY, ids=lambda f: f.__name__)
def test_a_factory_makes_its_row_through_the_service(factory):
    first, second = factory(), factory()
    assert first.pk and second.pk and first.pk != second.pk
    action = MADE_BY[factory]
    if action:
        # An intervention is recorded on its case, whose history it is part of.
        obj = getattr(first, "case", first) if action.startswith("interventions.") else first
        assert AuditRecord.objects.filter(action=action, object_id=str(obj.uuid)).exists()


def test_traits_and_helpers():
    closed = factories.CaseFactory(closed=True)
    assert closed.is_closed
    signal = factories.SignalFactory(weighed="case")
    assert signal.weighings.get().phase == "case"
    item = factories.AgendaItemFactory(signal=signal)
    assert AuditRecord.objects.filter(action="meetings.agenda_changed").exists()
    assert item.meeting.items.get() == item
    assert factories.login(factories.UserFactory()).get("/").status_code == 200
