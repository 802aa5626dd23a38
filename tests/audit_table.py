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
    "reporting": "aggregates only; the report's read is recorded as a whole (reporting.viewed)",
    "network": "reads subjects, signals and cases through their own apps' audited getters",
}


def _own_report(users):
    from weerbaar.intake.services import report_submit_staff
    from weerbaar.signals.constants import Channel

    return report_submit_staff(
        actor=users["medewerker"], channel=Channel.INTERNAL, description="Drukte bij de loods."
    )


def _grant(users):
    from tests.factories import UserFactory
    from weerbaar.accounts.services import role_grant_request

    asker = UserFactory(username="beheerder-vraagt", roles=["beheerder"])
    return role_grant_request(actor=asker, user=users["medewerker"], role="regisseur")


def _contribution(users):
    from tests.factories import AgendaItemFactory, weigh
    from weerbaar.meetings.services import contribution_add, item_share

    item = AgendaItemFactory()
    weigh(item.signal, phase="sharing", actor=users["regisseur"])
    item_share(actor=users["regisseur"], item=item, shared=True, legal_basis="Convenant LIO")
    return contribution_add(
        actor=users["ketenpartner"], item=item, text="Gezien.", source_grade="B", info_grade="2"
    )


def _screening(users):
    from tests.factories import ScreeningFactory

    return ScreeningFactory(actor=users["bibob_coordinator"])


def _screening_letter(users):
    from django.utils import timezone

    from weerbaar.screening.services import letter_make, screening_decide

    s = _screening(users)
    s = screening_decide(
        actor=users["bibob_coordinator"],
        screening=s,
        version=s.version,
        decision="grant",
        decided_on=timezone.localdate(),
    )
    return letter_make(actor=users["bibob_coordinator"], screening=s, kind="besluit")


def _list_check(users):
    from weerbaar.screening.lists import Entry
    from weerbaar.screening.services import list_check

    return list_check(
        actor=users["bibob_coordinator"], title="Rapportage", entries=[Entry(1, "Jan Jansen")]
    )


def _inspection(users):
    from tests.factories import InspectionFactory

    return InspectionFactory(actor=users["toezichthouder"])  # of a team the outsider is not in


def _photo(users):
    from weerbaar.core.uploads import CleanFile
    from weerbaar.inspections.services import photo_add

    png = CleanFile("pand.png", "image/png", b"\x89PNG\r\n\x1a\n pand")
    return photo_add(actor=users["toezichthouder"], inspection=_inspection(users), clean=png)


def _address_check(users):
    from tests.factories import AddressCheckFactory

    return AddressCheckFactory(actor=users["toezichthouder"])


def _typed_candidate(users):
    from tests.factories import AddressFactory, TeamFactory
    from weerbaar.inspections.services import typed_candidate_add

    return typed_candidate_add(
        actor=users["toezichthouder"],
        address=AddressFactory(),
        note="Veel aanloop",
        owner_team=TeamFactory(),
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
    "meetings.contribution_get": (_contribution, "regisseur", None),
    "configuration.account_get": (lambda users: users["medewerker"], "beheerder", None),
    "configuration.grant_get": (_grant, "beheerder", None),
    "meetings.action_get": ("action_id", "regisseur", None),
    "inspections.inspection_get": (_inspection, "regisseur", AuditAction.INSPECTION_VIEWED),
    "inspections.photo_get": (_photo, "regisseur", AuditAction.INSPECTION_PHOTO_VIEWED),
    "inspections.check_get": (_address_check, "regisseur", AuditAction.ADDRESS_CHECK_VIEWED),
    "inspections.typed_candidate_get": (_typed_candidate, "regisseur", None),
    "screening.screening_get": (_screening, "bibob_coordinator", AuditAction.SCREENING_VIEWED),
    "screening.letter_get": (_screening_letter, "bibob_coordinator", AuditAction.SCREENING_VIEWED),
    "screening.list_check_get": (
        _list_check,
        "bibob_coordinator",
        AuditAction.SCREENING_LIST_VIEWED,
    ),
    "signals.signal_get": ("signal", "regisseur", AuditAction.SIGNAL_VIEWED),
    "subjects.subject_get": ("registry", "regisseur", AuditAction.SUBJECT_VIEWED),
    "subjects.relation_get": ("relation_id", "regisseur", AuditAction.RELATION_VIEWED),
    "subjects.duplicate_get": ("pair_id", "regisseur", AuditAction.DUPLICATE_VIEWED),
    "subjects.merge_get": ("merge_id", "regisseur", None),  # the undoing audits itself
    "warehouse.alert_get": ("alert_id", "regisseur", AuditAction.ALERT_VIEWED),
    "warehouse.import_run_get": ("run_id", "regisseur", None),
    "police.provision_get": ("provision_id", "regisseur", AuditAction.POLICE_VIEWED),
    "privacy.hold_get": ("hold_id", "fg", None),
    "privacy.request_get": ("request_id", "fg", AuditAction.DATA_REQUEST_VIEWED),
    "warehouse.link_get": ("link_id", "regisseur", None),
}


# Why a public service function leaves no audit row of its own.
READ = "reads, writes nothing"
PART = "a step of the write that calls it, which records itself"
PERSONAL = "the user's own list settings, no data about anyone"
NOTIFICATION = "the user's own inbox; what it points to is audited where it happens"
RECORDS_GIVEN = "records the action its caller passes in"
COMPOSED = "calls the app's own services in one transaction, each leaving its audit row"
NO_CHANGE_YET = "an unconfirmed device; confirming it is audited"
THE_TRAIL = "the audit trail itself"
# The warehouse's services module is its public face; the work (and its audit row) is in the
# module of the source, of the queue or of the review (tests/warehouse/ prove those rows).
BY_THE_SOURCE = "the registered source's run records warehouse.import (sources/base.py)"
QUEUES_ONLY = "queues a run; the worker's run records warehouse.scan or warehouse.linked"
# Apps whose services are being split up (#13 item 5); their rows follow the split.
SERVICES_UNDER_REWORK: set[str] = set()

# Every public function of every app's services: the audit row it leaves, or why none.
# tests/test_audit_completeness.py fails when a services module gains a function not listed.
SERVICES = {
    "accounts.user_create": AuditAction.USER_CREATED,
    "accounts.token_issue": AuditAction.TOKEN_CREATED,
    "accounts.tokens_revoke": AuditAction.TOKEN_REVOKED,
    "accounts.user_set_roles": AuditAction.ROLES_CHANGED,
    "accounts.user_set_active": AuditAction.ACTIVE_CHANGED,
    "accounts.user_set_superuser": AuditAction.SUPERUSER_CHANGED,
    "accounts.may_handle_roles": READ,
    "accounts.role_grant_request": AuditAction.ROLE_GRANT_REQUESTED,
    "accounts.role_grant_approve": AuditAction.ROLE_GRANT_APPROVED,
    "accounts.role_grant_refuse": AuditAction.ROLE_GRANT_REFUSED,
    "accounts.team_create": AuditAction.TEAM_CREATED,
    "accounts.team_add_member": AuditAction.TEAM_MEMBER_ADDED,
    "accounts.share_grant": AuditAction.SHARE_GRANTED,
    "accounts.share_end": AuditAction.SHARE_ENDED,
    "accounts.login_succeeded": AuditAction.LOGIN,
    "accounts.login_failed": AuditAction.LOGIN_FAILED,
    "accounts.logged_out": AuditAction.LOGOUT,
    "accounts.password_changed": AuditAction.PASSWORD_CHANGED,
    "accounts.otp_event": RECORDS_GIVEN,
    "accounts.otp_device_pending": NO_CHANGE_YET,
    "accounts.otp_device_confirm": AuditAction.OTP_ENROLLED,
    "accounts.otp_verify": AuditAction.OTP_FAILED,
    "accounts.notify": NOTIFICATION,
    "accounts.notifications_mark_read": NOTIFICATION,
    "accounts.notification_mark_read": NOTIFICATION,
    "accounts.notification_email_set": PERSONAL,
    "accounts.calendar_token_issue": AuditAction.CALENDAR_TOKEN_CREATED,
    "accounts.calendar_token_revoke": AuditAction.CALENDAR_TOKEN_REVOKED,
    "accounts.calendar_token_user": "finds a calendar link's owner; the fetch records itself",
    "accounts.calendar_fetched": AuditAction.CALENDAR_FETCHED,
    "audit.audit_record": THE_TRAIL,
    "audit.audit_anchor": THE_TRAIL,
    "audit.audit_verify": THE_TRAIL,
    "audit.legacy_until": THE_TRAIL,
    "audit.audit_prune": AuditAction.AUDIT_PRUNED,
    "audit.audit_anchor_keep": "writes the head outside the database; the trail is not read",
    "audit.audit_verify_kept": THE_TRAIL,
    "cases.case_open": AuditAction.CASE_OPENED,
    "cases.case_open_from_signal": AuditAction.CASE_OPENED,
    "cases.case_set_status": AuditAction.CASE_STATUS_CHANGED,
    "cases.case_close": AuditAction.CASE_CLOSED,
    "cases.note_add": AuditAction.CASE_NOTE_ADDED,
    "cases.task_add": AuditAction.CASE_TASK_ADDED,
    "cases.task_done": AuditAction.CASE_TASK_DONE,
    "cases.case_link_subject": AuditAction.CASE_SUBJECT_LINKED,
    "cases.case_set_riec": AuditAction.CASE_RIEC_CHANGED,
    "cases.document_add": AuditAction.CASE_DOCUMENT_ADDED,
    "cases.member_set": AuditAction.CASE_MEMBER_SET,
    "cases.case_reopen": AuditAction.CASE_REOPENED,
    "cases.case_retitle": AuditAction.CASE_TITLE_CHANGED,
    "cases.case_team_set": AuditAction.CASE_TEAM_CHANGED,
    "cases.team_follower_register": "wiring at start-up (an app's ready()), no data",
    "cases.may_correct_note": READ,
    "cases.note_edit": AuditAction.CASE_NOTE_CHANGED,
    "cases.note_remove": AuditAction.CASE_NOTE_REMOVED,
    "cases.case_subject_role_set": AuditAction.CASE_SUBJECT_ROLE,
    "cases.case_unlink_subject": AuditAction.CASE_SUBJECT_UNLINKED,
    "cases.case_share": "accounts.share_grant records accounts.share_granted, with the weighing",
    "cases.case_share_stop": "accounts.share_end records accounts.share_ended on the case",
    "cases.case_exported": AuditAction.EXPORT_MADE,
    "intake.attachments_add": PART,
    "intake.report_submit_public": AuditAction.REPORT_SUBMITTED,
    "intake.report_submit_staff": AuditAction.REPORT_SUBMITTED,
    "intake.reporter_message_add": AuditAction.REPORTER_MESSAGE,
    "intake.feedback_send": AuditAction.FEEDBACK_SENT,
    "intake.report_opened": AuditAction.REPORT_FOLLOWED_UP,
    "intake.follow_up_refused": AuditAction.FOLLOW_UP_REFUSED,
    "intake.staff_reply_add": AuditAction.REPORTER_MESSAGE,
    "intake.report_import_mma": AuditAction.REPORT_SUBMITTED,
    "intake.reveal_request": AuditAction.REVEAL_REQUESTED,
    "intake.reveal_approve": AuditAction.REVEAL_APPROVED,
    "intake.reveal_refuse": AuditAction.REVEAL_REFUSED,
    "police.provision_record": AuditAction.POLICE_RECORDED,
    "police.provision_correct": AuditAction.POLICE_CHANGED,
    "police.provision_destroy": AuditAction.POLICE_DESTROYED,
    "privacy.glass_break": AuditAction.GLASS_BROKEN,
    "privacy.glass_end": AuditAction.GLASS_ENDED,
    "privacy.glass_judge": AuditAction.GLASS_JUDGED,
    "privacy.retention_run": AuditAction.RETENTION_APPLIED,
    "privacy.retention_plan": AuditAction.RETENTION_DRY_RUN,
    "privacy.terms": "reads the terms; makes a missing term's row with its default, no data",
    "privacy.hold_place": AuditAction.HOLD_PLACED,
    "privacy.hold_lift": AuditAction.HOLD_LIFTED,
    "privacy.request_open": AuditAction.DATA_REQUEST_OPENED,
    "privacy.request_extend": AuditAction.DATA_REQUEST_EXTENDED,
    "privacy.request_answer": AuditAction.DATA_REQUEST_ANSWERED,
    "privacy.withholding_set": AuditAction.WITHHOLDING_SET,
    "privacy.withholding_clear": AuditAction.WITHHOLDING_CLEARED,
    "privacy.annotation_add": AuditAction.ANNOTATION_ADDED,
    "privacy.restriction_place": AuditAction.RESTRICTION_PLACED,
    "privacy.restriction_lift": AuditAction.RESTRICTION_LIFTED,
    "privacy.access_review_sign": AuditAction.ACCESS_REVIEW_SIGNED,
    "privacy.unusual_access_send": AuditAction.UNUSUAL_ACCESS_SENT,
    "reporting.report_exported": AuditAction.EXPORT_MADE,
    "network.network_exported": AuditAction.EXPORT_MADE,
    "reporting.narrative_save": AuditAction.REPORT_NARRATIVE,
    "reporting.year_adopt": AuditAction.REPORT_ADOPTED,
    "screening.screening_start": AuditAction.SCREENING_STARTED,
    "screening.screening_record_steps": AuditAction.SCREENING_STEP,
    "screening.screening_decide": AuditAction.SCREENING_DECIDED,
    "screening.screening_record_intention": AuditAction.SCREENING_STEP,
    "screening.letter_make": AuditAction.SCREENING_LETTER,
    "screening.party_add": AuditAction.SCREENING_PARTY_ADDED,
    "screening.party_remove": AuditAction.SCREENING_PARTY_REMOVED,
    "screening.finding_record": AuditAction.SCREENING_FINDING,
    "screening.screening_share": "accounts.share_grant records accounts.share_granted",
    "screening.list_check": AuditAction.SCREENING_LIST_CHECKED,
    "screening.list_matcher_register": "wiring at start-up (an app's ready()), no data",
    "inspections.inspection_plan": AuditAction.INSPECTION_PLANNED,
    "inspections.safety_record": AuditAction.INSPECTION_PREPARED,
    "inspections.research_add": AuditAction.INSPECTION_RESEARCHED,
    "inspections.findings_record": AuditAction.INSPECTION_FINDINGS,
    "inspections.photo_add": AuditAction.INSPECTION_PHOTO_ADDED,
    "inspections.inspection_close": AuditAction.INSPECTION_CLOSED,
    "inspections.inspection_to_signal": AuditAction.INSPECTION_TO_SIGNAL,
    "inspections.inspection_to_case": AuditAction.INSPECTION_TO_CASE,
    "inspections.check_plan": AuditAction.ADDRESS_CHECK_PLANNED,
    "inspections.check_record": AuditAction.ADDRESS_CHECK_RECORDED,
    "inspections.typed_candidate_add": AuditAction.INSPECTION_CANDIDATE_ADDED,
    "inspections.typed_candidate_remove": AuditAction.INSPECTION_CANDIDATE_REMOVED,
    "interventions.suggest": READ,
    "interventions.describe": READ,
    "interventions.intervention_start": AuditAction.INTERVENTION_STARTED,
    "interventions.refresh_deadlines": PART,
    "interventions.intervention_record": AuditAction.INTERVENTION_STEP,
    "interventions.forfeiture_add": AuditAction.INTERVENTION_FORFEITURE,
    "interventions.intervention_finish": AuditAction.INTERVENTION_FINISHED,
    "interventions.letter_make": AuditAction.LETTER_GENERATED,
    "interventions.letter_texts_save": AuditAction.LETTER_TEXT_CHANGED,
    "interventions.letter_texts_restore": AuditAction.LETTER_TEXT_CHANGED,
    "meetings.series_create": AuditAction.MEETING_PLANNED,
    "meetings.meeting_plan": AuditAction.MEETING_PLANNED,
    "meetings.agenda_add": AuditAction.MEETING_AGENDA_CHANGED,
    "meetings.agenda_remove": AuditAction.MEETING_AGENDA_CHANGED,
    "meetings.agenda_move": AuditAction.MEETING_AGENDA_CHANGED,
    "meetings.item_share": AuditAction.MEETING_AGENDA_CHANGED,
    "meetings.agenda_send": AuditAction.MEETING_AGENDA_SENT,
    "meetings.item_notes": AuditAction.MEETING_NOTES,
    "meetings.item_decide": AuditAction.MEETING_DECIDED,
    "meetings.action_add": AuditAction.ACTION_POINT_ADDED,
    "meetings.decision_correct": AuditAction.MEETING_DECISION_CORRECTED,
    "meetings.contribution_add": AuditAction.MEETING_CONTRIBUTED,
    "meetings.contribution_share": AuditAction.MEETING_CONTRIBUTION_SHARED,
    "meetings.action_done": AuditAction.ACTION_POINT_DONE,
    "meetings.meeting_held": AuditAction.MEETING_HELD,
    "signals.signal_create": AuditAction.SIGNAL_CREATED,
    "signals.signal_triage": AuditAction.SIGNAL_TRIAGED,
    "signals.signals_assign": AuditAction.SIGNALS_ASSIGNED,
    "signals.signal_route": AuditAction.SIGNAL_ROUTED,
    "signals.signal_status_move": COMPOSED,
    "signals.signal_set_status": AuditAction.SIGNAL_STATUS_CHANGED,
    "signals.weighing_passed": READ,
    "signals.weighing_record": AuditAction.SIGNAL_WEIGHED,
    "signals.enrichment_add": AuditAction.SIGNAL_ENRICHED,
    "signals.signal_link_subject": AuditAction.SIGNAL_SUBJECT_LINKED,
    "signals.signal_unlink_subject": AuditAction.SIGNAL_SUBJECT_UNLINKED,
    "signals.signal_relate": AuditAction.SIGNAL_RELATED,
    "signals.signal_merge": AuditAction.SIGNAL_MERGED,
    "signals.signal_merge_undo": AuditAction.SIGNAL_MERGE_UNDONE,
    "signals.signal_reopen": AuditAction.SIGNAL_REOPENED,
    "signals.may_correct_enrichment": READ,
    "signals.enrichment_edit": AuditAction.SIGNAL_ENRICHMENT_CHANGED,
    "signals.enrichment_remove": AuditAction.SIGNAL_ENRICHMENT_REMOVED,
    "signals.signal_subject_role_set": AuditAction.SIGNAL_SUBJECT_ROLE,
    "signals.signal_case_decided": PART,
    "signals.saved_view_save": PERSONAL,
    "signals.signal_follow_up_record": AuditAction.SIGNAL_FOLLOWED_UP,
    "signals.saved_view_delete": PERSONAL,
    "subjects.person_rows": READ,
    "subjects.vocabulary_add": PART,
    "subjects.person_create": AuditAction.SUBJECT_CREATED,
    "subjects.organisation_create": AuditAction.SUBJECT_CREATED,
    "subjects.address_rows": READ,
    "subjects.address_create": AuditAction.SUBJECT_CREATED,
    "subjects.vehicle_create": AuditAction.SUBJECT_CREATED,
    "subjects.relation_create": AuditAction.RELATION_CREATED,
    "subjects.relation_record": AuditAction.RELATION_CREATED,
    "subjects.relation_correct": AuditAction.RELATION_CHANGED,
    "subjects.relation_end": AuditAction.RELATION_ENDED,
    "subjects.subject_merge": AuditAction.SUBJECT_MERGED,
    "subjects.subject_unmerge": AuditAction.SUBJECT_UNMERGED,
    "subjects.duplicates_propose": AuditAction.DUPLICATES_PROPOSED,
    "subjects.duplicate_distinct": AuditAction.DUPLICATE_JUDGED,
    "subjects.person_update": AuditAction.SUBJECT_UPDATED,
    "subjects.address_update": AuditAction.SUBJECT_UPDATED,
    "subjects.organisation_update": AuditAction.SUBJECT_UPDATED,
    "subjects.vehicle_update": AuditAction.SUBJECT_UPDATED,
    "warehouse.import_source": BY_THE_SOURCE,
    "warehouse.import_bag": BY_THE_SOURCE,
    "warehouse.import_brp": BY_THE_SOURCE,
    "warehouse.import_kvk": BY_THE_SOURCE,
    "warehouse.import_permits": BY_THE_SOURCE,
    "warehouse.import_closures": BY_THE_SOURCE,
    "warehouse.scan_queue": QUEUES_ONLY,
    "configuration.setting_save": AuditAction.CONFIG_CHANGED,
    "configuration.account_create": COMPOSED,
    "configuration.account_update": COMPOSED,
    "accounts.user_update": AuditAction.USER_CHANGED,
    "accounts.reauthenticate": AuditAction.REAUTHENTICATED,
    "audit.export_request_make": AuditAction.EXPORT_REQUESTED,
    "audit.export_request_decide": AuditAction.EXPORT_APPROVED,
    "audit.export_request_use": PART,
    "accounts.team_remove_member": AuditAction.TEAM_MEMBER_REMOVED,
    "accounts.user_set_teams": COMPOSED,
    "configuration.setting_remove": AuditAction.CONFIG_REMOVED,
    "configuration.thresholds_save": AuditAction.CONFIG_CHANGED,
    "warehouse.alert_dismiss": AuditAction.ALERT_DISMISSED,
    "warehouse.alert_follow_up_record": AuditAction.ALERT_FOLLOWED_UP,
    "warehouse.alerts_dismiss": AuditAction.ALERT_DISMISSED,
    "warehouse.alert_to_signal": AuditAction.ALERT_TO_SIGNAL,
    "warehouse.import_queue": AuditAction.WAREHOUSE_IMPORT,
    "warehouse.import_queued": BY_THE_SOURCE,
    "warehouse.link_decide": AuditAction.REGISTRY_LINK_DECIDED,
}
