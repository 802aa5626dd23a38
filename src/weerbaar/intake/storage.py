"""Where cleaned attachments live: a folder outside the static and media URLs."""

from pathlib import Path

from django.conf import settings


def folder() -> Path:
    path = Path(settings.MEDIA_ROOT) / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_for(attachment_uuid) -> Path:
    return folder() / attachment_uuid.hex


def write(attachment_uuid, data: bytes) -> Path:
    path = path_for(attachment_uuid)
    path.write_bytes(data)
    return path
