"""Knowing whether the worker of a running import, scan or linkage is still alive.

A run records which process works on it and a heartbeat that a small thread renews while the
work goes on (a single long DuckDB statement gives no progress to hang it on). A run still
"running" whose process is gone (same machine) or whose heartbeat stopped is marked failed:
the warehouse work runs in one DuckDB transaction, so a killed worker changed nothing.
``reap`` runs before every new run and when the worker starts.
"""

import logging
import os
import socket
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.warehouse.models import ImportRun, ScanRun

logger = logging.getLogger(__name__)
BEAT_SECONDS = 30
STALE_AFTER = timedelta(minutes=5)
HOST = socket.gethostname()[:80]


def worker_id() -> str:
    return f"{HOST}:{os.getpid()}"


def _beat(model, pk: int, stop: threading.Event) -> None:
    try:
        while not stop.wait(BEAT_SECONDS):
            try:
                model.objects.filter(pk=pk).update(heartbeat_at=timezone.now())
            except Exception:  # noqa: BLE001 - a missed beat is retried; the work goes on
                logger.warning("heartbeat of %s %s not written", model.__name__, pk)
    finally:
        connection.close()  # this thread's own connection


@contextmanager
def heartbeat(model, pk: int):
    """Mark run ``pk`` as worked on by this process, and keep saying so until the block ends."""
    model.objects.filter(pk=pk).update(worker=worker_id(), heartbeat_at=timezone.now())
    stop = threading.Event()
    thread = threading.Thread(target=_beat, args=(model, pk, stop), daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _process_gone(worker: str) -> bool:
    host, _sep, pid = worker.rpartition(":")
    if host != HOST or not pid.isdigit():
        return False  # another machine's process: only its heartbeat can tell
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def is_dead(run, *, now=None) -> bool:
    now = now or timezone.now()
    stale = run.heartbeat_at is None or run.heartbeat_at < now - STALE_AFTER
    return stale or _process_gone(run.worker)


def reap() -> int:
    """Mark every running run whose worker died as failed; returns how many."""
    now, reaped = timezone.now(), 0
    for model in (ImportRun, ScanRun):
        for run in model.objects.filter(status=model.Status.RUNNING):
            if is_dead(run, now=now):
                reaped += model.objects.filter(pk=run.pk, status=model.Status.RUNNING).update(
                    status=model.Status.FAILED,
                    finished_at=now,
                    error=_(
                        "The background worker stopped while this was running; nothing has "
                        "changed. Start it again."
                    ),
                )
    return reaped
