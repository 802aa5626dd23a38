"""A web worker does not load the heavy libraries: they are imported where they are used."""

import json
import os
import subprocess
import sys

HEAVY = ("splink", "pyspark", "weasyprint", "docxtpl", "openpyxl")
PROBE = (
    "import json, sys, django; django.setup(); import weerbaar.urls; "
    f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
)


def test_importing_every_view_loads_no_heavy_library():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "weerbaar.settings", "WEERBAAR_ENV": "test"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
