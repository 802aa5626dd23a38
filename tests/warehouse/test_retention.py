"""The warehouse's kinds in the retention job: alerts dealt with and import reports go after
their term; an open alert and the last loaded import of a source stay."""

from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import AlertFactory, ImportRunFactory
from weerbaar.core import files
from weerbaar.privacy.services import retention_run
from weerbaar.warehouse.imports import UPLOADS
from weerbaar.warehouse.models import Alert, ImportRun, Rejection

pytestmark = pytest.mark.django_db


def _later(days):
    # Files go when the run's batches commit; the test's own transaction never does.
    with (
        freeze_time(timezone.now() + timedelta(days=days)),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        return dict(retention_run().deletions.values_list("kind", "count"))


def test_alerts_dealt_with_go_after_a_year_and_open_ones_wait():
    open_alert = AlertFactory()
    dismissed = AlertFactory(status=Alert.Status.DISMISSED, reviewed_at=timezone.now())
    assert "warehouse_alert" not in _later(365)
    assert _later(367)["warehouse_alert"] == 1
    assert not Alert.objects.filter(pk=dismissed.pk).exists()
    assert Alert.objects.filter(pk=open_alert.pk).exists()


def test_import_reports_go_but_the_current_import_of_each_source_stays():
    old = ImportRunFactory(source="brp", status=ImportRun.Status.LOADED)
    Rejection.objects.create(run=old, row="regel 7", reason="geen geldig BSN")
    failed = ImportRunFactory(source="brp", status=ImportRun.Status.FAILED)
    leftover = files.path_for(UPLOADS, failed.uuid).with_suffix(".csv")
    leftover.write_text("bsn;naam\n")
    current = ImportRunFactory(source="brp", status=ImportRun.Status.LOADED)
    other_source = ImportRunFactory(source="kvk", status=ImportRun.Status.LOADED)
    assert _later(400)["warehouse_import"] == 2
    assert set(ImportRun.objects.values_list("pk", flat=True)) == {current.pk, other_source.pk}
    assert not Rejection.objects.exists() and not leftover.exists()
