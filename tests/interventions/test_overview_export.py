"""The deadline overview as a file: the user's own deadlines, overdue ones said in words."""

from datetime import date

from django.urls import reverse
from freezegun import freeze_time

from tests.exports import PURPOSE, confirmed, read_csv, read_xlsx
from tests.factories import CaseFactory, InterventionFactory
from weerbaar.audit.models import AuditRecord
from weerbaar.interventions import services


def _closure(owner, team, regisseur):
    closure = InterventionFactory(case=CaseFactory(owner_team=team), owner=owner)
    services.intervention_record(
        actor=regisseur,
        intervention=closure,
        opinion_skipped_reason="Spoed: acuut gevaar voor de omgeving.",
        decision_on=date(2026, 5, 15),
        made_known_on=date(2026, 5, 18),
    )
    return closure


@freeze_time("2026-06-10")
def test_overview_export_has_the_rows_the_overview_shows(client, behandelaar, regisseur, team):
    closure = _closure(behandelaar, team, regisseur)
    client.force_login(behandelaar)
    confirmed(client)
    page = client.get(reverse("interventions:overview")).content.decode()
    assert "Einde van de begunstigingstermijn" in page and "Te laat" in page
    lines = read_csv(
        client.get(reverse("interventions:overview"), {"format": "csv", "doel": PURPOSE})
    )
    assert lines[0][:3] == ["Laatste dag", "Te laat", "Termijn"]
    assert [line[2] for line in lines[1:-1]] == ["Einde van de begunstigingstermijn"]
    assert lines[1][1] == "ja" and lines[1][4] == closure.case.reference
    assert lines[-1][0].startswith("Geëxporteerd door ")
    # The regisseur owns none of these deadlines: their own overview, and its file, are empty.
    client.force_login(regisseur)
    confirmed(client)
    book = read_xlsx(
        client.get(reverse("interventions:overview"), {"format": "xlsx", "doel": PURPOSE})
    )
    assert book.active.max_row == 1 and book.properties.creator == "regisseur"
    assert AuditRecord.objects.filter(action="export.made").count() == 2
