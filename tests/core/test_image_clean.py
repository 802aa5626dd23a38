"""Pictures naming more pixels than MAX_PIXELS are refused from their header, undecoded."""

import io
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from weerbaar.core import uploads

TOO_LARGE = "de foto is te groot."
# Pillow warns (it raises only above twice its limit) before the header check can refuse.
pytestmark = pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")


def blank_png(width: int, height: int) -> bytes:
    """A 1-bit picture: millions of pixels in a few kilobytes."""
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, format="PNG")
    return out.getvalue()


def _clean(data: bytes, name: str = "plattegrond.png"):
    return uploads.clean_upload(SimpleUploadedFile(name, data))


@pytest.mark.parametrize(
    ("width", "height"),
    [(8000, 8000), (8000, 5001)],
    ids=["64-megapixels", "just-over-40-megapixels"],
)
def test_picture_between_the_limit_and_twice_it_is_refused(width, height):
    data = blank_png(width, height)
    assert len(data) < 100_000
    with pytest.raises(ValidationError) as refused:
        _clean(data)
    assert refused.value.messages == [f"“plattegrond.png”: {TOO_LARGE}"]


def test_the_limit_itself_is_accepted_and_one_pixel_more_is_not(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PIXELS", 100)
    assert _clean(blank_png(10, 10)).content_type == "image/png"
    with pytest.raises(ValidationError):
        _clean(blank_png(10, 11))


CHILD = """
import resource, sys
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from weerbaar.core.uploads import clean_upload
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    clean_upload(SimpleUploadedFile("plattegrond.png", data))
except ValidationError:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def test_refusing_a_pixel_flood_costs_the_worker_no_memory(tmp_path):
    """Measured in a fresh process, whose peak memory is its own: decoding these 64
    megapixels and converting them took about 700 MB."""
    picture = tmp_path / "flood.png"
    picture.write_bytes(blank_png(8000, 8000))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "weerbaar.settings", "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(picture)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    grown_kib = int(result.stdout.strip().splitlines()[-1])
    assert grown_kib < 32 * 1024
