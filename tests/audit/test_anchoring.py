"""The chain head kept outside the database every day, signed: verify checks the chain
against every kept line, a line written without the key shows as forged, and the FG sees
both on the page (SECURITY.md P31)."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from tests.audit.test_chain import _chain, _tamper
from tests.factories import login
from weerbaar.audit import anchoring
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import (
    audit_anchor_keep,
    audit_record,
    audit_verify,
    audit_verify_kept,
)
from weerbaar.audit.tasks import audit_daily

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _anchor_folder(settings, tmp_path):
    settings.AUDIT_ANCHOR_DIR = str(tmp_path / "anchors")


def _rewrite_head_to(number: int) -> None:
    """A database administrator removes the records after ``number`` and makes the head row
    match, so the chain looks whole in itself."""
    _tamper("DELETE FROM audit_auditrecord WHERE id > %s", [number])
    with connection.cursor() as cursor:
        cursor.execute("SELECT hash FROM audit_auditrecord WHERE id = %s", [number])
        digest = cursor.fetchone()[0]
        cursor.execute(
            "UPDATE audit_auditchainhead SET last_id = %s, last_hash = %s", [number, digest]
        )


def test_the_daily_task_keeps_a_signed_line_and_verify_uses_it():
    _chain(3)
    audit_daily()
    kept = anchoring.kept()
    assert [(a.number, a.signed) for a in kept] == [(3, True)]
    result, checked, forged = audit_verify_kept()
    assert result.ok and (checked, forged) == (1, 0)


def test_a_removed_tail_is_found_through_the_kept_line():
    _chain(5)
    audit_anchor_keep()
    _rewrite_head_to(3)
    assert audit_verify().ok  # the chain alone looks whole
    result, _checked, _forged = audit_verify_kept()
    assert (result.ok, result.broken_id, result.reason) == (False, 5, "anchor")
    with pytest.raises(CommandError, match="BROKEN at record 5"):
        call_command("audit", "verify")


def test_a_line_written_without_the_key_is_forged(settings):
    _chain(2)
    audit_anchor_keep()
    path = next(anchoring.kept_files())
    with path.open("a") as out:
        out.write(f"{anchoring.PREFIX} 2 {'a' * 64} 2026-12-01 {'b' * 64}\n")
    _result, checked, forged = audit_verify_kept()
    assert (checked, forged) == (1, 1)
    with pytest.raises(CommandError, match="no valid signature"):
        call_command("audit", "verify")
    settings.AUDIT_ANCHOR_KEY = "another key"
    assert not any(a.signed for a in anchoring.kept())


def test_the_line_goes_to_the_privacy_officers_by_mail_when_asked(settings, fg):
    settings.AUDIT_ANCHOR_MAIL = True
    fg.email = "fg@weerdam.invalid"
    fg.save()
    _chain(1)
    text = audit_anchor_keep()
    assert [m.to for m in mail.outbox] == [["fg@weerdam.invalid"]]
    assert mail.outbox[0].body == text and "audit" not in mail.outbox[0].subject.lower()


def test_the_fg_sees_the_anchors_checked_on_the_page(fg):
    audit_record(actor=fg, action=AuditAction.AUDIT_VIEWED)
    audit_anchor_keep()
    page = login(fg).post(reverse("audit:verify"), follow=True)
    assert "tegen 1 ankers" in page.content.decode()


def test_an_empty_chain_keeps_no_line_and_a_printed_line_is_not_forged(capsys):
    assert audit_anchor_keep() == "" and anchoring.kept() == []
    _chain(2)
    call_command("audit", "anchor")
    printed = capsys.readouterr().out.strip()
    audit_anchor_keep()
    with next(anchoring.kept_files()).open("a") as out:
        out.write(printed + "\n")
    _result, checked, forged = audit_verify_kept()
    assert (checked, forged) == (1, 0)


def test_the_daily_task_keeps_the_head_even_when_the_chain_is_broken():
    _chain(3)
    _tamper("UPDATE audit_auditrecord SET actor_username = 'x' WHERE id = 2")
    audit_daily()
    assert [a.number for a in anchoring.kept()] == [3]
