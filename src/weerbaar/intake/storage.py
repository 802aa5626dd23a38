"""Where cleaned attachments live: a folder outside the static and media URLs."""

from weerbaar.core import files

FOLDER = "attachments"


def path_for(attachment_uuid):
    return files.readable_path(FOLDER, attachment_uuid)


def write(attachment_uuid, data: bytes):
    return files.write(FOLDER, attachment_uuid, data)


def folder():
    return files.folder(FOLDER)
