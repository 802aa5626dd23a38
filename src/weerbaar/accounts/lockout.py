"""Failed staff logins slow down the account at one address instead of locking it.

django-axes counts failures per user name and client address. After ``AXES_FAILURE_LIMIT``
failures the pair waits a minute; each further failure doubles the wait up to
``LOGIN_MAX_DELAY_MINUTES``. Attempts refused while waiting are not counted
(``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False``), so hammering does not lengthen the
wait, and someone elsewhere cannot lock a user out at all. Failures are forgotten
``AXES_COOLOFF_TIME`` after the last one, or at a successful login.
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

FIRST_DELAY = timedelta(minutes=1)


def login_delay(*, failures: int, limit: int) -> timedelta:
    """How long a user name and address wait after ``failures`` failed logins."""
    if failures < limit:
        return timedelta(0)
    longest = timedelta(minutes=settings.LOGIN_MAX_DELAY_MINUTES)
    # Capped before raising 2 to a power an attacker controls.
    return min(longest, FIRST_DELAY * 2 ** min(failures - limit, 32))


class GrowingDelayHandler(AxesDatabaseHandler):
    """The database handler of axes, locked only while the pair's growing delay runs."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures, last = 0, None
        for attempts in self.get_user_attempts(request, credentials):
            found = attempts.aggregate(n=Sum("failures_since_start"), last=Max("attempt_time"))
            if (found["n"] or 0) > failures:
                failures, last = found["n"], found["last"]
        limit = get_failure_limit(request, credentials)
        now = getattr(request, "axes_attempt_time", None) or timezone.now()
        if last is not None and now < last + login_delay(failures=failures, limit=limit):
            return failures
        return min(failures, limit - 1)
