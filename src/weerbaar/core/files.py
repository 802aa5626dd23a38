"""Where cleaned files live: folders under MEDIA_ROOT that no URL serves, one per kind of
file, each file under its record's generated id. Only permission-checked views read them."""

from pathlib import Path
from uuid import UUID

from django.conf import settings


def folder(name: str) -> Path:
    path = Path(settings.MEDIA_ROOT) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_for(name: str, file_id: UUID) -> Path:
    return folder(name) / file_id.hex


def write(name: str, file_id: UUID, data: bytes) -> Path:
    path = path_for(name, file_id)
    path.write_bytes(data)
    return path
