"""The alert list as a file, with the list's default (open alerts) when unfiltered."""

from django.urls import reverse

from tests.exports import PURPOSE, confirmed, read_csv
from tests.factories import AlertFactory
from weerbaar.audit.models import AuditRecord


def test_alert_export_has_the_open_alerts_the_list_shows(client, regisseur, medewerker):
    AlertFactory(explanation="@14 personen op 96 m²", area="6981")
    AlertFactory(explanation="Al afgehandeld", status="dismissed")
    client.force_login(regisseur)
    confirmed(client)
    page = client.get(reverse("warehouse:alerts")).content.decode()
    assert "14 personen" in page and "Al afgehandeld" not in page
    lines = read_csv(client.get(reverse("warehouse:alerts"), {"format": "csv", "doel": PURPOSE}))
    assert [line[2] for line in lines[1:-1]] == ["'@14 personen op 96 m²"]
    record = AuditRecord.objects.get(action="export.made")
    assert record.changes["extra"]["list"] == "attenderingen" and record.purpose == PURPOSE
    client.force_login(medewerker)
    confirmed(client)
    refused = client.get(reverse("warehouse:alerts"), {"format": "csv", "doel": PURPOSE})
    assert refused.status_code == 404
    assert AuditRecord.objects.filter(action="export.made").count() == 1
