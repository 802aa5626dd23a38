"""The daily retention job, run by the background worker (the embedded one as well)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.privacy.services import retention_run


@db_periodic_task(crontab(hour="2", minute="40"))
def retention_daily() -> None:
    retention_run()
