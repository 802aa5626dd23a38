"""Periodic upkeep run by the background worker."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.core import files


@db_periodic_task(crontab(hour="3", minute="10"))
def sweep_files() -> None:
    files.sweep()
