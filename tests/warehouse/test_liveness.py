"""A run whose worker died does not stay "running" for ever (#12)."""

import subprocess
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.warehouse.test_import_progress import _bag_csv
from weerbaar.warehouse import liveness, services, tasks
from weerbaar.warehouse.models import ImportRun, ScanRun

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


def _dead_pid() -> int:
    """The id of a process of this machine that was killed (as by ``kill -9``)."""
    process = subprocess.Popen(["sleep", "60"])  # noqa: S607 - coreutils
    process.kill()
    process.wait()
    return process.pid


def _running(model, *, worker: str, beat_ago: timedelta | None = timedelta(seconds=1)):
    beat = timezone.now() - beat_ago if beat_ago is not None else None
    fields = {"source": "bag-csv", "file_name": "x.csv"} if model is ImportRun else {}
    return model.objects.create(status="running", worker=worker, heartbeat_at=beat, **fields)


def test_a_run_whose_process_was_killed_is_marked_failed():
    import_run = _running(ImportRun, worker=f"{liveness.HOST}:{_dead_pid()}")
    scan_run = _running(ScanRun, worker=f"{liveness.HOST}:{_dead_pid()}")
    alive = _running(ImportRun, worker=liveness.worker_id())
    assert liveness.reap() == 2
    for run in (import_run, scan_run):
        run.refresh_from_db()
        assert run.status == "failed" and run.finished_at
        assert "gestopt" in run.error
    alive.refresh_from_db()
    assert alive.status == "running"


def test_another_machines_run_fails_only_when_its_heartbeat_stops():
    fresh = _running(ScanRun, worker="other-host:1234")
    stale = _running(ScanRun, worker="other-host:1234", beat_ago=timedelta(minutes=6))
    never = _running(ImportRun, worker="", beat_ago=None)  # left by a version without beats
    assert liveness.reap() == 2
    assert [ScanRun.objects.get(pk=r.pk).status for r in (fresh, stale)] == ["running", "failed"]
    assert ImportRun.objects.get(pk=never.pk).status == "failed"


def test_the_next_import_and_the_worker_start_clear_dead_runs(regisseur):
    stuck = _running(ImportRun, worker=f"{liveness.HOST}:{_dead_pid()}")
    client = Client()
    client.force_login(regisseur)
    upload = SimpleUploadedFile("bag.csv", _bag_csv(), content_type="text/csv")
    client.post(reverse("warehouse:imports"), {"kind": "bag-csv", "upload": upload})
    stuck.refresh_from_db()
    assert stuck.status == "failed"
    new = ImportRun.objects.exclude(pk=stuck.pk).get()
    assert new.status == "loaded" and new.worker == liveness.worker_id()
    page = client.get(reverse("warehouse:import", args=[stuck.uuid])).content.decode()
    assert "hx-trigger" not in page  # the page no longer waits for it
    scan = _running(ScanRun, worker=f"{liveness.HOST}:{_dead_pid()}")
    tasks.reap_dead_runs()  # what the worker runs when it starts
    assert ScanRun.objects.get(pk=scan.pk).status == "failed"


def test_a_queued_scan_is_not_blocked_by_a_dead_one(regisseur):
    dead = _running(ScanRun, worker=f"{liveness.HOST}:{_dead_pid()}")
    queued = services.scan_queue(actor=regisseur)
    assert queued.pk != dead.pk and queued.status == "queued"
