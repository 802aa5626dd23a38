"""Where cleaned files live: folders under MEDIA_ROOT that no URL serves, one per kind of
file, each file under its record's generated id. Only permission-checked views read them.

A file is written under a staging name and takes its real name when the transaction that
writes its row commits: a process killed in between leaves a staging file, never a file
that looks stored. ``sweep`` removes what no row claims (staging files and real ones alike)
and finishes the rename for a row that committed just before a crash; each app registers
its folders with the ids of the rows that own files there.
"""

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.db import transaction

STAGING = ".part"
# A staging file this young may belong to a transaction still running.
GRACE_SECONDS = 3600
_owners: dict[str, Callable[[], Iterable[UUID]]] = {}


def folder(name: str) -> Path:
    path = Path(settings.MEDIA_ROOT) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_for(name: str, file_id: UUID) -> Path:
    return folder(name) / file_id.hex


def _staged(path: Path) -> Path:
    return path.with_name(path.name + STAGING)


def write(name: str, file_id: UUID, data: bytes) -> Path:
    """Write ``data`` for the row ``file_id``, in the caller's transaction; returns the path
    written, for the caller to remove when that transaction fails."""
    final = path_for(name, file_id)
    staged = _staged(final)
    with staged.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    transaction.on_commit(lambda: _promote(staged, final))
    return staged


def _promote(staged: Path, final: Path) -> None:
    if staged.exists():
        os.replace(staged, final)


def readable_path(name: str, file_id: UUID) -> Path:
    """The file of a row that exists: under its real name, or still under its staging name
    (read inside the transaction that wrote it, or after a crash right after the commit)."""
    final = path_for(name, file_id)
    staged = _staged(final)
    return staged if not final.exists() and staged.exists() else final


def remove(name: str, file_ids: Iterable[UUID]) -> None:
    """Remove the files of rows deleted in the caller's transaction, once it commits (a
    rolled-back deletion keeps them)."""
    paths = [path_for(name, UUID(str(i))) for i in file_ids]

    def unlink() -> None:
        for path in paths:
            path.unlink(missing_ok=True)
            _staged(path).unlink(missing_ok=True)

    transaction.on_commit(unlink)


def register(name: str, owners: Callable[[], Iterable[UUID]]) -> None:
    """Let ``sweep`` keep the files of folder ``name`` whose ids ``owners()`` returns."""
    _owners[name] = owners


@dataclass
class Swept:
    removed: int = 0
    promoted: int = 0


def sweep(*, grace_seconds: int = GRACE_SECONDS) -> Swept:
    """Remove every file in a registered folder that no row owns; finish staged renames."""
    result = Swept()
    cutoff = time.time() - grace_seconds
    for name, owners in _owners.items():
        owned = {UUID(str(i)).hex for i in owners()}
        for path in folder(name).iterdir():
            if not path.is_file() or path.stat().st_mtime > cutoff:
                continue
            ident = path.name.removesuffix(STAGING)
            if ident not in owned:
                path.unlink(missing_ok=True)
                result.removed += 1
            elif path.name.endswith(STAGING):
                _promote(path, path.with_name(ident))
                result.promoted += 1
    return result
