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
