"""System checks that belong to no single app (``weerbaar check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Backends that keep their entries in one process: each worker would count on its own.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs=None, **kwargs):
    """The meldpunt's throttle counters, single-use start tokens and retry records must be
    seen by every worker; a per-process cache lets each worker count on its own."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            "The default cache is kept per process, so throttles and single-use tokens are "
            "not shared between workers.",
            hint="Set CACHE_URL to a Redis database shared by all workers.",
            id="weerbaar.W001",
        )
    ]
