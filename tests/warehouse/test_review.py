"""The analyst's review: alerts filtered, read with their facts, dismissed or made a signal."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_address
from tests.warehouse.test_rules import Town
from weerbaar.audit.models import AuditRecord
from weerbaar.signals.models import Signal
from weerbaar.warehouse.models import Alert

pytestmark = pytest.mark.django_db


def _alive() -> dict:
    """The fields of a run that a live worker is working on."""
    from django.utils import timezone

    from weerbaar.warehouse.liveness import worker_id

    return {"worker": worker_id(), "heartbeat_at": timezone.now()}


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


@pytest.fixture
def crowded(tmp_path):
    town = Town(tmp_path)
    town.address("0221010000330226", surface=96, use="woonfunctie")
    for n in range(14):
        town.register("0221010000330226", date(2012 + n % 10, 3, 1))
    town.load()


def _login(user):
    client = Client()
    client.force_login(user)
    return client


def test_scan_from_the_page_then_make_a_signal(crowded, regisseur):
    address = make_address(
        "Kosterstraat", 4, "6981CH", "Doesburg", bag_verblijfsobject_id="0221010000330226"
    )
    client = _login(regisseur)
    client.post(reverse("warehouse:scan"))
    alert = Alert.objects.get()
    listing = client.get(reverse("warehouse:alerts"), {"rule": "overcrowding", "area": "6981"})
    assert "14 personen ingeschreven op 96 m²" in listing.content.decode()
    page = client.get(reverse("warehouse:alert", args=[alert.uuid])).content.decode()
    assert reverse("subjects:detail", args=[address.uuid]) in page  # the hit opens the subject
    response = client.post(reverse("warehouse:to_signal", args=[alert.uuid]))
    signal = Signal.objects.get(channel="warehouse")
    assert response["Location"] == reverse("signals:detail", args=[signal.uuid])
    assert signal.address == address and "14 personen" in signal.description
    alert.refresh_from_db()
    assert alert.status == "signal" and alert.signal_uuid == signal.uuid
    assert AuditRecord.objects.filter(action="warehouse.alert_to_signal").exists()


def test_dismissing_needs_a_reason(crowded, regisseur):
    from weerbaar.warehouse.scan import scan

    scan()
    alert = Alert.objects.get()
    client = _login(regisseur)
    refused = client.post(reverse("warehouse:dismiss", args=[alert.uuid]), {"reason": ""})
    assert "Dit veld is vereist" in refused.content.decode()
    client.post(
        reverse("warehouse:dismiss", args=[alert.uuid]), {"reason": "Vergunde kamerverhuur"}
    )
    alert.refresh_from_db()
    assert (alert.status, alert.dismiss_reason) == ("dismissed", "Vergunde kamerverhuur")
    assert client.get(reverse("warehouse:alerts")).content.decode().count("Vergunde") == 0


def test_alerts_and_imports_are_for_the_analysts_only(crowded, regisseur, behandelaar):
    other = _login(behandelaar)
    assert other.get(reverse("warehouse:alerts")).status_code == 404
    assert other.get(reverse("warehouse:imports")).status_code == 404
    imports = _login(regisseur).get(reverse("warehouse:imports")).content.decode()
    assert "bag-csv" in imports and "brp-csv" in imports


def test_the_rules_run_in_the_background_with_progress_on_the_page(crowded, regisseur):
    from weerbaar.warehouse.models import ScanRun

    client = _login(regisseur)
    client.post(reverse("warehouse:scan"))  # the worker runs it (in tests, at once)
    run = ScanRun.objects.get()
    assert (run.status, run.progress, run.counts["new"]) == ("done", 100, 1)
    page = client.get(reverse("warehouse:alerts")).content.decode()
    assert "Laatste run van de regels" in page and "1 nieuw" in page
    # while a run is going the page asks every two seconds how far it is
    ScanRun.objects.create(status="running", progress=42, **_alive())
    fragment = client.get(reverse("warehouse:scan_status"), HTTP_HX_REQUEST="true")
    html = fragment.content.decode()
    assert 'hx-trigger="every 2s"' in html and 'value="42"' in html
    # and a second click does not start a second run beside it
    client.post(reverse("warehouse:scan"))
    assert ScanRun.objects.count() == 2


def test_scan_reports_its_progress_rule_by_rule(crowded):
    from weerbaar.warehouse.rules import all_rules
    from weerbaar.warehouse.scan import scan

    seen = []
    scan(progress=lambda done, total: seen.append((done, total)))
    total = len(all_rules()) + 1
    assert seen == [(n, total) for n in range(1, total)]
