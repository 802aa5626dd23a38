"""Short-lived, in-memory counters against guessing receipt codes and flooding the form.

Keys are receipt codes and a global bucket, never anything about the client: no address,
no cookie, no fingerprint (SECURITY.md P4, P7). Counters live in the cache for minutes.
"""

from django.core.cache import cache

PER_CODE = (5, 15 * 60)  # wrong tries per receipt code, per 15 minutes
GLOBAL_FAILURES = (200, 60)  # wrong tries in total, per minute
GLOBAL_SUBMISSIONS = (3000, 60)  # reports per minute, all reporters together


def _count(key: str, window: int) -> int:
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def follow_up_blocked(code: str) -> bool:
    return (
        cache.get(f"intake:fail:{code}", 0) >= PER_CODE[0]
        or cache.get("intake:fail:*", 0) >= GLOBAL_FAILURES[0]
    )


def follow_up_failed(code: str) -> None:
    _count(f"intake:fail:{code}", PER_CODE[1])
    _count("intake:fail:*", GLOBAL_FAILURES[1])


def submission_allowed() -> bool:
    return _count("intake:submissions", GLOBAL_SUBMISSIONS[1]) <= GLOBAL_SUBMISSIONS[0]
