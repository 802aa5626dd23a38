"""Where the cleaned photos of inspections live: a folder no URL serves."""

from weerbaar.core import files

FOLDER = "inspection-photos"


def path_for(photo_uuid):
    return files.readable_path(FOLDER, photo_uuid)


def write(photo_uuid, data: bytes):
    return files.write(FOLDER, photo_uuid, data)
