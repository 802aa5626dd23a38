"""Stored files are written under a staging name and take their real name on commit (#12)."""

import os
import signal
import subprocess
import sys
import textwrap
import uuid

import pytest
from django.core.management import call_command

from weerbaar.core import files
from weerbaar.core.uploads import CleanFile
from weerbaar.intake import storage
from weerbaar.intake.models import Attachment
from weerbaar.intake.services import report_submit_public

PNG = CleanFile("foto.png", "image/png", b"\x89PNG\r\n\x1a\n not really a picture")

# A worker that writes a file inside a transaction and is killed before it commits.
CRASHING_WORKER = textwrap.dedent(
    """
    import sys, time, uuid
    import django
    from django.conf import settings
    settings.configure(
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        MEDIA_ROOT=sys.argv[1],
    )
    django.setup()
    from django.db import transaction
    from weerbaar.core import files
    with transaction.atomic():
        files.write("attachments", uuid.UUID(sys.argv[2]), b"half a report")
        print("written", flush=True)
        time.sleep(60)
    """
)


def test_a_killed_worker_leaves_no_stored_looking_file_and_the_sweep_removes_it(settings):
    file_id = uuid.uuid4()
    worker = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", CRASHING_WORKER, str(settings.MEDIA_ROOT), str(file_id)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert worker.stdout.readline().strip() == "written"
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    folder = files.folder("attachments")
    assert [p.name for p in folder.iterdir()] == [f"{file_id.hex}.part"]
    files.register("attachments", lambda: [])  # no row owns it
    try:
        assert files.sweep(grace_seconds=0).removed == 1
        assert list(folder.iterdir()) == []
    finally:
        files.register(storage.FOLDER, lambda: Attachment.objects.values_list("uuid", flat=True))


@pytest.mark.django_db
def test_committed_report_stores_its_file_under_its_real_name(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        receipt = report_submit_public(
            description="Verdachte drukte bij de loods, elke nacht.", attachments=[PNG]
        )
    attachment = receipt.report.attachments.get()
    final = files.path_for(storage.FOLDER, attachment.uuid)
    assert final.read_bytes() == PNG.data
    assert not final.with_name(final.name + ".part").exists()
    assert storage.path_for(attachment.uuid) == final


@pytest.mark.django_db
def test_rolled_back_report_leaves_no_file(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Attachment, "save", fail)
    with pytest.raises(RuntimeError):
        report_submit_public(description="Verdachte drukte bij de loods.", attachments=[PNG])
    assert list(files.folder(storage.FOLDER).iterdir()) == []


@pytest.mark.django_db
def test_sweep_finishes_a_committed_save_and_removes_orphans(capsys):
    # In a test the transaction never commits: the file stays staged, as after a crash
    # right after the commit. Its row exists, so it is readable and the sweep finishes it.
    receipt = report_submit_public(description="Verdachte drukte bij de loods.", attachments=[PNG])
    attachment = receipt.report.attachments.get()
    staged = storage.path_for(attachment.uuid)
    assert staged.name.endswith(".part") and staged.read_bytes() == PNG.data
    orphan = files.path_for(storage.FOLDER, uuid.uuid4())
    orphan.write_bytes(b"left by a crash long ago")
    young = files.path_for(storage.FOLDER, uuid.uuid4())
    call_command("files", "sweep", "--grace-minutes", "0")
    assert "Files removed: 1; saves finished: 1." in capsys.readouterr().out
    assert files.path_for(storage.FOLDER, attachment.uuid).read_bytes() == PNG.data
    assert not orphan.exists()
    young.write_bytes(b"a save still running")
    assert files.sweep().removed == 0 and young.exists()  # within the grace period
