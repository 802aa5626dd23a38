"""Which single-object selector reads what, and which audit row a read leaves; used by
tests/test_audit_completeness.py. A new ``<entity>_get`` needs a row here."""

from tests.test_authorization import SIGNALS
from weerbaar.audit.constants import AuditAction

# Apps with no object a user opens one by one; a new app must be put here or in GETTERS.
NO_SINGLE_OBJECT_READS = {
    "core": "shared building blocks, no data of its own",
    "audit": "the trail itself; its page is filtered and audited as a whole",
    "accounts": "users, teams and keys are read through their owner or the admin",
    "demo": "builds the demo municipality; no pages",
}


def _own_report(users):
    from weerbaar.intake.services import report_submit_staff
    from weerbaar.signals.constants import Channel

    return report_submit_staff(
        actor=users["medewerker"], channel=Channel.INTERNAL, description="Drukte bij de loods."
    )


# getter: (the world's object, or a maker of it; who may read it; the row a read leaves)
GETTERS = {
    "cases.case_get": ("case_id", "regisseur", AuditAction.CASE_VIEWED),
    "cases.case_file_get": ("case_id", "regisseur", AuditAction.CASE_VIEWED),
    "cases.task_get": ("task_id", "regisseur", None),
    "cases.document_version_get": ("version_id", "regisseur", AuditAction.CASE_DOCUMENT_READ),
    "intake.my_report_get": (_own_report, "medewerker", None),
    "intake.staff_report_get": (
        lambda users: SIGNALS["attachment"].report,
        "regisseur",
        AuditAction.SIGNAL_VIEWED,
    ),
    "intake.attachment_get": ("attachment", "regisseur", AuditAction.ATTACHMENT_VIEWED),
    "interventions.intervention_get": (
        "intervention_id",
        "regisseur",
        AuditAction.INTERVENTION_VIEWED,
    ),
    "meetings.series_get": ("series_id", "regisseur", None),
    "meetings.meeting_get": ("meeting_id", "regisseur", AuditAction.MEETING_VIEWED),
    "meetings.item_get": ("item_id", "regisseur", None),
    "meetings.action_get": ("action_id", "regisseur", None),
    "signals.signal_get": ("signal", "regisseur", AuditAction.SIGNAL_VIEWED),
    "subjects.subject_get": ("registry", "regisseur", AuditAction.SUBJECT_VIEWED),
    "warehouse.alert_get": ("alert_id", "regisseur", AuditAction.ALERT_VIEWED),
    "warehouse.import_run_get": ("run_id", "regisseur", None),
    "warehouse.link_get": ("link_id", "regisseur", None),
}
