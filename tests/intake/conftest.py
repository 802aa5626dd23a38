import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_counters():
    # Throttle counters, used start tokens and retry records outlive a test's transaction.
    cache.clear()
    yield
    cache.clear()
