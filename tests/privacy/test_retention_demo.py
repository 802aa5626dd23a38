"""The retention job over the demo municipality, thirty years on: every kind with records
past their term is emptied in the database, on disk and in the search index, the register
counts what the dry run listed, a held case stays and the audit chain is whole."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.utils import timezone
from freezegun import freeze_time

from weerbaar.accounts.models import User
from weerbaar.audit.services import audit_verify
from weerbaar.cases.models import Case, DocumentVersion
from weerbaar.cases.services import DOCUMENT_FOLDER, case_close
from weerbaar.core import files, retention
from weerbaar.intake import storage
from weerbaar.intake.models import Attachment, Report
from weerbaar.police.models import Provision
from weerbaar.privacy.services import hold_place, retention_plan, retention_run
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import Signal
from weerbaar.signals.selectors import signal_list
from weerbaar.warehouse.models import Alert

pytestmark = pytest.mark.django_db

# Every kind the demo has records of; a new kind is looked at here.
ALWAYS_IN_DEMO = {
    "reporter_contact",
    "reporter_dialogue",
    "report_attachments",
    "meeting_minutes",
    "intervention",
    "screening",
    "inspection",
    "case",
    "signal_no_action",
    "signal_case",
    "warehouse_alert",
    "subject_recorded",
    "police_information",
    "data_request",
    "audit_trail",
}


def _files(folder) -> set[str]:
    return {p.name.removesuffix(files.STAGING) for p in files.folder(folder).iterdir()}


def test_thirty_years_on_everything_past_its_term_is_gone():
    call_command("demo-data", seed=3, scale=0.25, quiet_progress=True, stdout=io.StringIO())
    fg = User.objects.filter(groups__name="fg").first()
    held = Case.objects.filter(closed_on__isnull=False).order_by("pk").first()
    hold_place(actor=fg, reference=held.reference, reason="Beroep bij de rechtbank.")
    regisseur = User.objects.filter(groups__name="regisseur").first()
    # The demo's cases opened at the LIO are running; one of them is done with.
    from_lio = Case.objects.filter(signals__isnull=False, closed_on__isnull=True).first()
    case_close(actor=regisseur, case=from_lio, result="Maatregel uitgevoerd")
    with_police = Provision.objects.order_by("pk").first().case
    case_close(actor=regisseur, case=with_police, result="Maatregel uitgevoerd")
    quiet = Signal.objects.filter(status=SignalStatus.CLOSED, led_to_case=False).first()
    Signal.objects.filter(pk=quiet.pk).update(description="Zwyxqor kweekt in de schuur")
    words = "Zwyxqor"
    assert signal_list(user=regisseur, q=words).filter(pk=quiet.pk).exists()

    later = timezone.localdate() + timedelta(days=30 * 365)
    with freeze_time(later):
        plan = {p.kind.code: p for p in retention_plan(actor=None)}
    # The demo imports each source once: its imports are the current ones and stay.
    assert {k.code for k in retention.kinds()} == ALWAYS_IN_DEMO | {"warehouse_import"}
    for code in ALWAYS_IN_DEMO:
        assert plan[code].count > 0, code

    with freeze_time(later), TestCase.captureOnCommitCallbacks(execute=True):
        run = retention_run()
    removed = dict(run.deletions.values_list("kind", "count"))
    assert removed == {code: p.count for code, p in plan.items() if p.count}

    assert Case.objects.filter(pk=held.pk).exists()
    assert not Case.objects.filter(closed_on__isnull=False).exclude(pk=held.pk).exists()
    assert not Signal.objects.filter(status=SignalStatus.CLOSED, led_to_case=False).exists()
    assert not Signal.objects.filter(pk=quiet.pk).exists()
    assert not signal_list(user=regisseur, q=words).filter(pk=quiet.pk).exists()
    closed = Report.objects.filter(signal__status=SignalStatus.CLOSED)
    assert not closed.exclude(contact_name="", contact_email="").exists()
    assert not Alert.objects.exclude(status=Alert.Status.OPEN).exists()
    # On disk only the files of rows that are left.
    kept = {u.hex for u in Attachment.objects.values_list("uuid", flat=True)}
    assert _files(storage.FOLDER) <= kept
    kept = {u.hex for u in DocumentVersion.objects.values_list("uuid", flat=True)}
    assert _files(DOCUMENT_FOLDER) <= kept
    assert audit_verify().ok


def _every_row_as_text(skip: str):
    """The whole database as text, table by table (SQLite's full-text shadow tables with
    their segments included), but the table ``skip``."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor, include_views=False):
            if table == skip:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                yield repr(row).lower()


def test_the_text_of_a_removed_signal_is_nowhere_in_the_database_but_the_audit_trail():
    """Every row of every table: the signal's words are gone from its rows and, on SQLite,
    from the full-text index's segments. The audit trail keeps what it recorded until its
    own term (a test of its own)."""
    call_command("demo-data", seed=3, scale=0.1, quiet_progress=True, stdout=io.StringIO())
    quiet = Signal.objects.filter(status=SignalStatus.CLOSED, led_to_case=False).first()
    canary = "zwyxqor"  # the index keeps its words in lower case
    Signal.objects.filter(pk=quiet.pk).update(description="Zwyxqor in de schuur")
    assert any(canary in row for row in _every_row_as_text("audit_auditrecord"))
    later = timezone.localdate() + timedelta(days=400)
    with freeze_time(later), TestCase.captureOnCommitCallbacks(execute=True):
        retention_run()
    assert not Signal.objects.filter(pk=quiet.pk).exists()
    assert not any(canary in row for row in _every_row_as_text("audit_auditrecord"))
