"""The retention job per kind: a record one day inside its term stays, one day past it goes
from the database, the disk and the search index; the register and the dry run agree."""

from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import CaseFactory, InterventionFactory, SignalFactory, UserFactory
from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_verify
from weerbaar.cases.models import Case
from weerbaar.core import files
from weerbaar.core.uploads import CleanFile
from weerbaar.intake import storage
from weerbaar.intake.models import Attachment, Message, Report
from weerbaar.intake.services import feedback_send, report_submit_public
from weerbaar.interventions.models import Intervention
from weerbaar.interventions.services import intervention_finish
from weerbaar.privacy import holds
from weerbaar.privacy.models import Deletion, LegalHold
from weerbaar.privacy.services import hold_lift, hold_place, retention_plan, retention_run
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import RetentionRule, Signal
from weerbaar.signals.selectors import signal_list
from weerbaar.signals.services import signal_merge, signal_set_status

pytestmark = pytest.mark.django_db

CANARY = "Kanarie Quorvax"


def _public_report(**extra):
    png = CleanFile("foto.png", "image/png", b"\x89PNG\r\n\x1a\n" + CANARY.encode())
    return report_submit_public(
        description=f"{CANARY} kweekt hennep in de schuur", attachments=[png], **extra
    ).report


def _close(signal, actor=None):
    return signal_set_status(
        actor=actor, signal=signal, status=SignalStatus.CLOSED, reason="Geen aanleiding."
    )


def _run_on(day):
    # Files go when the run's transactions commit; the test's own transaction never does.
    with freeze_time(day), TestCase.captureOnCommitCallbacks(execute=True):
        return retention_run()


def _removed(run) -> dict:
    return dict(run.deletions.values_list("kind", "count"))


def test_reporter_contact_goes_the_night_after_closing_and_the_dialogue_stays(regisseur):
    report = _public_report(contact_name="Anna de Vries", contact_email="anna@example.org")
    feedback_send(actor=regisseur, report=report, text="Dank voor uw melding.")
    today = timezone.localdate()
    _run_on(today)
    report.refresh_from_db()
    assert report.contact_email == "anna@example.org"  # the signal is still open
    _close(report.signal, regisseur)
    _run_on(today)
    assert Report.objects.get(pk=report.pk).contact_name  # the last answer may still go out
    run = _run_on(today + timedelta(days=1))
    report.refresh_from_db()
    assert (report.contact_name, report.contact_email) == ("", "")
    assert report.messages.count() == 1 and report.receipt_code
    assert _removed(run)["reporter_contact"] == 1
    assert Deletion.objects.get(kind="reporter_contact").anonymised


def test_dialogue_goes_after_its_term_and_the_follow_up_code_with_it(regisseur):
    report = _public_report()
    feedback_send(actor=regisseur, report=report, text="Dank voor uw melding.")
    _close(report.signal, regisseur)
    today = timezone.localdate()
    _run_on(today + timedelta(days=90))
    assert Message.objects.filter(report=report).count() == 1
    run = _run_on(today + timedelta(days=91))
    report.refresh_from_db()
    assert not report.messages.exists() and report.receipt_code is None
    assert report.secret_hash == "" and _removed(run)["reporter_dialogue"] == 1


def test_attachments_leave_the_disk(regisseur):
    report = _public_report()
    attachment = report.attachments.get()
    path = files.readable_path(storage.FOLDER, attachment.uuid)
    assert path.exists()
    _close(report.signal, regisseur)
    today = timezone.localdate()
    _run_on(today + timedelta(days=365))
    assert path.exists()
    run = _run_on(today + timedelta(days=366))
    assert not Attachment.objects.filter(pk=attachment.pk).exists() and not path.exists()
    assert _removed(run)["report_attachments"] == 1


def test_signal_without_action_goes_with_its_reports_and_leaves_the_search_index(regisseur):
    report = _public_report()
    signal = report.signal
    assert signal_list(user=regisseur, q="Quorvax").filter(pk=signal.pk).exists()
    _close(signal, regisseur)
    keep = Signal.objects.get(pk=signal.pk).retain_until
    _run_on(keep)
    assert Signal.objects.filter(pk=signal.pk).exists()
    run = _run_on(keep + timedelta(days=1))
    assert not Signal.objects.filter(pk=signal.pk).exists()
    assert not Report.objects.filter(pk=report.pk).exists()
    assert not signal_list(user=regisseur, q="Quorvax").exists()
    assert _removed(run)["signal_no_action"] == 1
    assert audit_verify().ok


def test_a_changed_term_is_the_term_applied(regisseur):
    RetentionRule.objects.filter(code="reporter_dialogue").update(days=10)
    report = _public_report()
    feedback_send(actor=regisseur, report=report, text="Dank voor uw melding.")
    _close(report.signal, regisseur)
    _run_on(timezone.localdate() + timedelta(days=11))
    assert not Message.objects.filter(report=report).exists()


def _finished_case(regisseur):
    """A closed case of the seeded type (five years) with a finished measure."""
    measure = InterventionFactory(actor=regisseur)
    intervention_finish(actor=regisseur, intervention=measure, result="withdrawn")
    case = measure.case
    from weerbaar.cases.services import case_close

    case_close(actor=regisseur, case=case, result="Maatregel uitgevoerd")
    return Case.objects.get(pk=case.pk), measure


def test_a_case_goes_after_its_case_type_term_with_its_measure(regisseur):
    case, measure = _finished_case(regisseur)
    years = case.case_type.retention_years
    end = timezone.localdate().replace(year=timezone.localdate().year + years)
    _run_on(end - timedelta(days=1))
    assert Case.objects.filter(pk=case.pk).exists()
    run = _run_on(end + timedelta(days=1))
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Intervention.objects.filter(pk=measure.pk).exists()
    assert {k: v for k, v in _removed(run).items() if k in ("intervention", "case")} == {
        "intervention": 1,
        "case": 1,
    }


def test_an_objection_in_progress_holds_the_case(regisseur):
    case, measure = _finished_case(regisseur)
    Intervention.objects.filter(pk=measure.pk).update(objection_received_on=timezone.localdate())
    _run_on(timezone.localdate() + timedelta(days=20 * 365))
    assert Case.objects.filter(pk=case.pk).exists()


def test_a_hold_of_the_fg_keeps_a_signal_until_it_is_lifted(regisseur, fg):
    signal = SignalFactory()
    _close(signal, regisseur)
    hold = hold_place(actor=fg, reference=signal.reference, reason="Verzoek van de AP.")
    later = timezone.localdate() + timedelta(days=400)
    _run_on(later)
    assert Signal.objects.filter(pk=signal.pk).exists()
    hold_lift(actor=fg, hold=hold, reason="Onderzoek van de AP is afgerond.")
    _run_on(later)
    assert not Signal.objects.filter(pk=signal.pk).exists()
    assert not LegalHold.objects.exists()  # the hold went with what it held


def test_the_dry_run_lists_exactly_what_goes(regisseur):
    kept = SignalFactory()
    gone = [SignalFactory() for _ in range(3)]
    for signal in gone:
        _close(signal, regisseur)
    later = timezone.localdate() + timedelta(days=400)
    with freeze_time(later):
        plan = {p.kind.code: p for p in retention_plan(actor=None)}
    assert sorted(plan["signal_no_action"].labels) == sorted(s.reference for s in gone)
    run = _run_on(later)
    assert _removed(run)["signal_no_action"] == 3
    assert set(Signal.objects.values_list("reference", flat=True)) == {kept.reference}


def test_the_register_holds_no_content(regisseur):
    _close(_public_report(contact_name="Anna de Vries").signal, regisseur)
    _run_on(timezone.localdate() + timedelta(days=400))
    text = " ".join(str(v) for v in Deletion.objects.values_list("title", "rule", "kind"))
    assert "Quorvax" not in text and "Anna" not in text and "S-" not in text


def test_runs_are_recorded_in_the_chain(regisseur):
    _close(SignalFactory(), regisseur)
    _run_on(timezone.localdate() + timedelta(days=400))

    assert AuditRecord.objects.filter(action="privacy.retention_applied").count() == 1
    assert audit_verify().ok


def test_a_hold_needs_a_known_number_and_a_reason(fg):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        hold_place(actor=fg, reference="C-2020-9999", reason="Beroep bij de rechtbank.")
    case = CaseFactory(actor=UserFactory(roles=["regisseur"]))
    with pytest.raises(ValidationError):
        hold_place(actor=fg, reference=case.reference, reason="")
    hold_place(actor=fg, reference=case.reference, reason="Beroep bij de rechtbank.")
    with pytest.raises(ValidationError):
        hold_place(actor=fg, reference=case.reference, reason="Nog een keer.")


def test_a_hold_placed_while_the_job_runs_stops_the_batch_and_nothing_goes(
    regisseur, fg, monkeypatch
):
    signal = SignalFactory()
    _close(signal, regisseur)
    hold_place(actor=fg, reference=signal.reference, reason="Verzoek van de AP.")
    # The job read what was due before the hold was placed.
    monkeypatch.setattr(holds, "held_signals", lambda: Signal.objects.none().values("pk"))
    run = _run_on(timezone.localdate() + timedelta(days=400))
    assert Signal.objects.filter(pk=signal.pk).exists()
    assert "signal_no_action" not in _removed(run)


def test_a_signal_stays_while_one_merged_into_it_is_held(regisseur, fg):
    target, source = SignalFactory(), SignalFactory()
    signal_merge(actor=regisseur, source=source, target=target, reason="Zelfde adres.")
    hold_place(actor=fg, reference=source.reference, reason="Verzoek van de AP.")
    _close(target, regisseur)
    _run_on(timezone.localdate() + timedelta(days=400))
    assert Signal.objects.filter(pk__in=[target.pk, source.pk]).count() == 2


def test_the_dry_run_writes_nothing_to_the_chain_but_its_own_record(regisseur):
    _close(SignalFactory(), regisseur)
    before = AuditRecord.objects.count()
    with freeze_time(timezone.localdate() + timedelta(days=20 * 365)):
        plan = {p.kind.code: p for p in retention_plan(actor=None)}
    assert plan["audit_trail"].count > 0 and plan["signal_no_action"].count == 1
    assert AuditRecord.objects.count() == before + 1
    assert not AuditRecord.objects.filter(action="audit.pruned").exists()
