"""With CACHE_URL set, throttle counters live in Redis and are shared by all workers.

Redis runs on 127.0.0.1:6379 on the project's machines, as PostgreSQL does.
"""

from django.core.cache import caches
from django.test import override_settings

from weerbaar.intake import throttle

REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
    }
}


@override_settings(CACHES=REDIS)
def test_throttle_counts_in_redis():
    caches["default"].clear()
    for _ in range(throttle.PER_CODE[0]):
        throttle.follow_up_failed("1234567890123456")
    assert throttle.follow_up_blocked("1234567890123456")
    assert caches["default"].get("intake:fail:1234567890123456") == throttle.PER_CODE[0]
    caches["default"].clear()


@override_settings(CACHES=REDIS)
def test_two_workers_count_the_same_per_code_failures():
    """Two cache clients of the shared cache, as two worker processes have: the wrong tries
    of both count against the one receipt code."""
    from concurrent.futures import ThreadPoolExecutor

    code = "6543210987654321"
    caches["default"].clear()

    def worker(tries: int) -> int:
        # A new thread gets its own cache client, as another process would.
        for _ in range(tries):
            throttle.follow_up_failed(code)
        return id(caches["default"])

    with ThreadPoolExecutor(max_workers=1) as first, ThreadPoolExecutor(max_workers=1) as second:
        clients = {first.submit(worker, 3).result(), second.submit(worker, 2).result()}
    assert len(clients) == 2
    assert throttle.follow_up_blocked(code)
    caches["default"].clear()
