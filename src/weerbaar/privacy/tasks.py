"""The daily retention job and the weekly report of unusual access, run by the background
worker (the embedded one as well)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.privacy.services import retention_run, unusual_access_send


@db_periodic_task(crontab(hour="2", minute="40"))
def retention_daily() -> None:
    retention_run()


@db_periodic_task(crontab(day_of_week="1", hour="6", minute="10"))
def unusual_access_weekly() -> None:
    unusual_access_send()
