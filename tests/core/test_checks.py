"""Production needs a cache shared by all workers (#12): the meldpunt's throttles and
single-use tokens are counted there."""

import subprocess
import sys

from django.core.checks import Warning, run_checks
from django.test import override_settings

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
    }
}


def _cache_warnings():
    found = run_checks(include_deployment_checks=True, tags=["caches"])
    return [w for w in found if w.id == "weerbaar.W001"]


@override_settings(CACHES=LOCMEM)
def test_deploy_check_warns_about_a_per_process_cache():
    (warning,) = _cache_warnings()
    assert isinstance(warning, Warning) and "CACHE_URL" in warning.hint


@override_settings(CACHES=REDIS)
def test_deploy_check_is_quiet_with_a_shared_cache():
    assert _cache_warnings() == []


def test_production_refuses_to_start_without_a_shared_cache(tmp_path):
    env = {
        "WEERBAAR_ENV": "production",
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "x" * 60,
        "BSN_HMAC_KEY": "k" * 40,
        "AUDIT_ANCHOR_KEY": "a" * 40,
        "FIELD_ENCRYPTION_KEYS": "b" * 44,
        "ALLOWED_HOSTS": "weerbaar.example.nl",
        "WEERBAAR_DATA_DIR": str(tmp_path),
    }
    command = [sys.executable, "-m", "weerbaar", "check", "--deploy"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "CACHE_URL must be set in production" in result.stderr
    env["CACHE_URL"] = "redis://127.0.0.1:6379/15"
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert "CACHE_URL" not in result.stderr + result.stdout
