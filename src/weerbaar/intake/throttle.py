"""Short-lived counters against guessing receipt codes and flooding the meldpunt.

Keys are receipt codes, time windows and keyed hashes of e-mail addresses, never anything
about the client: no address, no cookie, no fingerprint (SECURITY.md P4, P7). They live in
the default cache, which production shares between all workers (CACHE_URL).
"""

import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac

PER_CODE = (5, 15 * 60)  # wrong tries per receipt code, per 15 minutes
GLOBAL_FAILURES = (200, 60)  # wrong tries in total, per minute, before everyone is slowed
GLOBAL_SLOWDOWN = 1.0  # seconds every follow-up waits while over that limit
GLOBAL_SUBMISSIONS = (3000, 60)  # reports per minute, all reporters together
ACKNOWLEDGEMENTS = (3, 24 * 3600)  # acknowledgement mails per address, per day
REFUSALS_WINDOW = 3600  # wrong tries are audited per hour, not per try


def _count(key: str, window: int) -> int:
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def follow_up_blocked(code: str) -> bool:
    """True while this receipt code has had too many wrong secrets.

    A flood of wrong pairs in total never refuses anyone: it slows every follow-up down,
    before the secret is checked, so a reporter with the right pair still gets in.
    """
    if cache.get("intake:fail:*", 0) >= GLOBAL_FAILURES[0]:
        time.sleep(GLOBAL_SLOWDOWN)
    return cache.get(f"intake:fail:{code}", 0) >= PER_CODE[0]


def follow_up_failed(code: str) -> None:
    _count(f"intake:fail:{code}", PER_CODE[1])
    _count("intake:fail:*", GLOBAL_FAILURES[1])


def refusal_counted() -> int:
    """Count one refused follow-up; returns how many the current window has seen."""
    window = int(time.time() // REFUSALS_WINDOW)
    return _count(f"intake:refused:{window}", REFUSALS_WINDOW)


def submission_allowed() -> bool:
    return _count("intake:submissions", GLOBAL_SUBMISSIONS[1]) <= GLOBAL_SUBMISSIONS[0]


def acknowledgement_allowed(address: str) -> bool:
    """Whether this address may get one more acknowledgement mail today.

    The address is counted under a keyed hash that expires with the day, so the cache holds
    nothing a reporter did not give and nothing that outlives the count (P1, P7).
    """
    digest = salted_hmac("intake.acknowledgement", address.strip().lower(), algorithm="sha256")
    key = f"intake:ack:{digest.hexdigest()}"
    return _count(key, ACKNOWLEDGEMENTS[1]) <= ACKNOWLEDGEMENTS[0]
