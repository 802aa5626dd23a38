from django.db import models
from django.utils.translation import gettext_lazy as _

# Who reads the audit trail (the fg; the beheerder through the admin).
VIEW_PERMISSION = "audit.view_auditrecord"
# Who approves another user's bulk export (P23).
APPROVE_EXPORT_PERMISSION = "audit.approve_exportrequest"


class AuditAction(models.TextChoices):
    # accounts
    LOGIN = "auth.login", _("Logged in")
    LOGIN_FAILED = "auth.login_failed", _("Login failed")
    LOGOUT = "auth.logout", _("Logged out")
    PASSWORD_CHANGED = "auth.password_changed", _("Password changed")
    OTP_ENROLLED = "auth.otp_enrolled", _("Second factor set up")
    OTP_VERIFIED = "auth.otp_verified", _("Second factor verified")
    OTP_FAILED = "auth.otp_failed", _("Second factor wrong")
    USER_CREATED = "accounts.user_created", _("User created")
    ROLES_CHANGED = "accounts.roles_changed", _("Roles changed")
    TEAM_CREATED = "accounts.team_created", _("Team created")
    TEAM_MEMBER_ADDED = "accounts.team_member_added", _("Team member added")
    TEAM_MEMBER_REMOVED = "accounts.team_member_removed", _("Team member removed")
    USER_CHANGED = "accounts.user_changed", _("Details of a user changed")
    REAUTHENTICATED = (
        "accounts.reauthenticated",
        _("Identity confirmed again before an export or reveal"),
    )
    SHARE_GRANTED = "accounts.share_granted", _("Shared")
    TOKEN_CREATED = "accounts.token_created", _("API key created")
    TOKEN_REVOKED = "accounts.token_revoked", _("API keys withdrawn")
    CALENDAR_TOKEN_CREATED = "accounts.calendar_token_created", _("Calendar link created")
    CALENDAR_TOKEN_REVOKED = "accounts.calendar_token_revoked", _("Calendar link withdrawn")
    CALENDAR_FETCHED = "accounts.calendar_fetched", _("Deadline calendar fetched")
    ACTIVE_CHANGED = "accounts.active_changed", _("Account activated or deactivated")
    SUPERUSER_CHANGED = "accounts.superuser_changed", _("Superuser status changed")
    ROLE_GRANT_REQUESTED = "accounts.role_grant_requested", _("Asked to grant a role")
    ROLE_GRANT_APPROVED = "accounts.role_grant_approved", _("Approved granting a role")
    ROLE_GRANT_REFUSED = "accounts.role_grant_refused", _("Refused granting a role")
    ADMIN_CHANGE = "accounts.admin_change", _("Changed in the administration")
    # subjects
    SUBJECT_CREATED = "subjects.created", _("Subject created")
    SUBJECT_UPDATED = "subjects.updated", _("Subject changed")
    SUBJECT_VIEWED = "subjects.viewed", _("Subject viewed")
    SUBJECT_SEARCHED = "subjects.searched", _("Subjects searched")
    RELATION_CREATED = "subjects.relation_created", _("Relation recorded")
    # signals
    SIGNAL_CREATED = "signals.created", _("Signal created")
    SIGNAL_VIEWED = "signals.viewed", _("Signal viewed")
    SIGNAL_STATUS_CHANGED = "signals.status_changed", _("Signal status changed")
    SIGNAL_TRIAGED = "signals.triaged", _("Signal triaged")
    SIGNAL_SUBJECT_LINKED = "signals.subject_linked", _("Subject linked to a signal")
    SIGNAL_SUBJECT_UNLINKED = "signals.subject_unlinked", _("Subject unlinked from a signal")
    SIGNAL_RELATED = "signals.related", _("Signals marked as related")
    SIGNAL_MERGED = "signals.merged", _("Signal merged into another")
    SIGNAL_ENRICHED = "signals.enriched", _("Enrichment added")
    SIGNAL_WEIGHED = "signals.weighed", _("Privacy weighing recorded")
    SIGNAL_SEARCHED = "signals.searched", _("Signals searched")
    SIGNAL_REOPENED = "signals.reopened", _("Signal reopened")
    SIGNAL_MERGE_UNDONE = "signals.merge_undone", _("Merge of a signal undone")
    SIGNAL_ENRICHMENT_CHANGED = "signals.enrichment_changed", _("Enrichment corrected")
    SIGNAL_ENRICHMENT_REMOVED = "signals.enrichment_removed", _("Enrichment removed")
    SIGNAL_SUBJECT_ROLE = "signals.subject_role", _("Role of a subject on a signal changed")
    SIGNAL_FOLLOWED_UP = "signals.followed_up", _("Outcome of a control on the signal")
    # cases
    CASE_OPENED = "cases.opened", _("Case opened")
    CASE_VIEWED = "cases.viewed", _("Case file opened")
    CASE_STATUS_CHANGED = "cases.status_changed", _("Case status changed")
    CASE_CLOSED = "cases.closed", _("Case closed")
    CASE_NOTE_ADDED = "cases.note_added", _("Note added to a case")
    CASE_TASK_ADDED = "cases.task_added", _("Task added to a case")
    CASE_TASK_DONE = "cases.task_done", _("Case task done")
    CASE_SUBJECT_LINKED = "cases.subject_linked", _("Subject linked to a case")
    CASE_RIEC_CHANGED = "cases.riec_changed", _("RIEC details of a case changed")
    CASE_DOCUMENT_ADDED = "cases.document_added", _("Document added to a case")
    CASE_DOCUMENT_READ = "cases.document_read", _("Case document downloaded")
    CASE_MEMBER_SET = "cases.member_set", _("Case team member added or changed")
    CASE_REOPENED = "cases.reopened", _("Case reopened")
    CASE_NOTE_CHANGED = "cases.note_changed", _("Note of a case corrected")
    CASE_NOTE_REMOVED = "cases.note_removed", _("Note of a case removed")
    CASE_TITLE_CHANGED = "cases.title_changed", _("Title of a case changed")
    CASE_TEAM_CHANGED = "cases.team_changed", _("Team of a case changed")
    CASE_SUBJECT_ROLE = "cases.subject_role", _("Role of a subject on a case changed")
    CASE_SUBJECT_UNLINKED = "cases.subject_unlinked", _("Subject unlinked from a case")
    # interventions
    INTERVENTION_STARTED = "interventions.started", _("Intervention started")
    INTERVENTION_VIEWED = "interventions.viewed", _("Intervention viewed")
    INTERVENTION_STEP = "interventions.step", _("Procedure step recorded")
    INTERVENTION_FORFEITURE = "interventions.forfeiture", _("Penalty forfeiture recorded")
    INTERVENTION_FINISHED = "interventions.finished", _("Intervention finished")
    LETTER_GENERATED = "interventions.letter", _("Letter made and kept in the case file")
    LETTER_TEXT_CHANGED = "interventions.letter_text", _("Letter text changed")
    # warehouse
    WAREHOUSE_IMPORT = "warehouse.import", _("Registry extract imported")
    WAREHOUSE_SCAN = "warehouse.scan", _("Warehouse rules run")
    WAREHOUSE_LINKED = "warehouse.linked", _("Persons linked to the BRP extract")
    REGISTRY_LINK_DECIDED = "warehouse.link_decided", _("Person link judged")
    ALERT_VIEWED = "warehouse.alert_viewed", _("Alert viewed")
    ALERT_DISMISSED = "warehouse.alert_dismissed", _("Alert dismissed")
    ALERT_TO_SIGNAL = "warehouse.alert_to_signal", _("Alert turned into a signal")
    ALERT_FOLLOWED_UP = "warehouse.alert_followed_up", _("Outcome of a control on the alert")
    WAREHOUSE_FACTS_READ = "warehouse.facts_read", _("Registry facts read for an inspection")
    # meetings
    MEETING_PLANNED = "meetings.planned", _("Meeting planned")
    MEETING_VIEWED = "meetings.viewed", _("Meeting viewed")
    MEETING_AGENDA_CHANGED = "meetings.agenda_changed", _("Agenda changed")
    MEETING_AGENDA_SENT = "meetings.agenda_sent", _("Agenda sent to the participants")
    MEETING_NOTES = "meetings.notes", _("Notes recorded for an agenda item")
    MEETING_DECIDED = "meetings.decided", _("Decision taken in a meeting")
    ACTION_POINT_ADDED = "meetings.action_added", _("Action point added")
    ACTION_POINT_DONE = "meetings.action_done", _("Action point done")
    MEETING_HELD = "meetings.held", _("Meeting held; minutes final")
    MEETING_DECISION_CORRECTED = (
        "meetings.decision_corrected",
        _("Decision of a meeting corrected before the minutes were final"),
    )
    MEETING_CONTRIBUTED = "meetings.contributed", _("A partner added information to an item")
    MEETING_CONTRIBUTION_SHARED = (
        "meetings.contribution_shared",
        _("A partner's information shared with the other partners, or the share withdrawn"),
    )
    SIGNALS_ASSIGNED = "signals.assigned", _("Signals assigned in one go")
    SIGNAL_ROUTED = "signals.routed", _("Signal given to the team of its routing rule")
    MINUTES_VIEWED = "meetings.minutes_viewed", _("Minutes read or downloaded")
    # intake
    REPORT_SUBMITTED = "intake.report_submitted", _("Report submitted")
    REPORT_FOLLOWED_UP = "intake.report_followed_up", _("Reporter opened the follow-up page")
    REPORTER_MESSAGE = "intake.reporter_message", _("Reporter sent a message")
    FEEDBACK_SENT = "intake.feedback_sent", _("Message sent to the reporter")
    FOLLOW_UP_REFUSED = "intake.follow_up_refused", _("Wrong receipt code or secret")
    ATTACHMENT_VIEWED = "intake.attachment_viewed", _("Attachment downloaded")
    REVEAL_REQUESTED = "intake.reveal_requested", _("Asked to reveal a shielded reporter")
    REVEAL_APPROVED = "intake.reveal_approved", _("Approved revealing a shielded reporter")
    REVEAL_REFUSED = "intake.reveal_refused", _("Refused revealing a shielded reporter")
    # screening
    SCREENING_STARTED = "screening.started", _("Bibob screening started")
    SCREENING_VIEWED = "screening.viewed", _("Bibob screening viewed")
    SCREENING_STEP = "screening.step", _("Bibob screening step recorded")
    SCREENING_PARTY_ADDED = "screening.party_added", _("Party named in a Bibob screening")
    SCREENING_FINDING = "screening.finding", _("Finding of a Bibob screening recorded")
    SCREENING_DECIDED = "screening.decided", _("Decision on a Bibob screening recorded")
    SCREENING_LETTER = "screening.letter", _("Letter of a Bibob screening made")
    SCREENING_PARTY_REMOVED = "screening.party_removed", _("Party removed from a Bibob screening")
    REPORT_VIEWED = "reporting.viewed", _("Yearly report viewed")
    REPORT_NARRATIVE = "reporting.narrative", _("Narrative of the yearly report changed")
    REPORT_ADOPTED = "reporting.adopted", _("Yearly report adopted")
    # inspections
    INSPECTION_PLANNED = "inspections.planned", _("Inspection planned")
    INSPECTION_VIEWED = "inspections.viewed", _("Inspection viewed")
    INSPECTION_PREPARED = "inspections.prepared", _("Safety check of an inspection recorded")
    INSPECTION_RESEARCHED = "inspections.researched", _("Open-source research recorded")
    INSPECTION_FINDINGS = "inspections.findings", _("Findings of a partner recorded")
    INSPECTION_PHOTO_ADDED = "inspections.photo_added", _("Photo added to an inspection")
    INSPECTION_PHOTO_VIEWED = "inspections.photo_viewed", _("Photo of an inspection downloaded")
    INSPECTION_CLOSED = "inspections.closed", _("Outcome of an inspection recorded")
    INSPECTION_TO_SIGNAL = "inspections.to_signal", _("Signal made from an inspection")
    INSPECTION_TO_CASE = "inspections.to_case", _("Case opened from an inspection")
    ADDRESS_CHECK_PLANNED = "inspections.check_planned", _("Address check planned")
    ADDRESS_CHECK_VIEWED = "inspections.check_viewed", _("Address check viewed")
    ADDRESS_CHECK_RECORDED = "inspections.check_recorded", _("Outcome of an address check")
    # screening: list screening and the copy for the person concerned
    SCREENING_LIST_CHECKED = "screening.list_checked", _("List checked against the warehouse")
    SCREENING_LIST_VIEWED = "screening.list_viewed", _("Checked list viewed")
    SCREENING_COPY_MADE = "screening.copy_made", _("Copy for the person concerned made")
    INSPECTION_BRIEFING = "inspections.briefing", _("Briefing of a partner downloaded")
    INSPECTION_CANDIDATE_ADDED = "inspections.candidate_added", _("Candidate for a control added")
    INSPECTION_CANDIDATE_REMOVED = (
        "inspections.candidate_removed",
        _("Candidate for a control removed"),
    )
    # privacy: retention
    RETENTION_APPLIED = "privacy.retention_applied", _("Records past their term removed")
    RETENTION_DRY_RUN = "privacy.retention_dry_run", _("Trial run of the retention job")
    RETENTION_VIEWED = "privacy.retention_viewed", _("Retention terms and register viewed")
    HOLD_PLACED = "privacy.hold_placed", _("Legal hold placed")
    HOLD_LIFTED = "privacy.hold_lifted", _("Legal hold lifted")
    DATA_REQUEST_OPENED = "privacy.request_opened", _("Request of a data subject recorded")
    DATA_REQUEST_VIEWED = "privacy.request_viewed", _("Overview for a data subject viewed")
    DATA_REQUEST_EXTENDED = (
        "privacy.request_extended",
        _("Term of a data subject's request extended"),
    )
    DATA_REQUEST_ANSWERED = "privacy.request_answered", _("Request of a data subject answered")
    DATA_REQUEST_COPY = "privacy.request_copy", _("Copy for a data subject made")
    WITHHOLDING_SET = "privacy.withholding_set", _("Record withheld from a copy (UAVG art. 41)")
    WITHHOLDING_CLEARED = "privacy.withholding_cleared", _("Withholding of a record undone")
    ANNOTATION_ADDED = "privacy.annotation_added", _("Disputed fact annotated")
    RESTRICTION_PLACED = "privacy.restriction_placed", _("Processing of a subject restricted")
    RESTRICTION_LIFTED = "privacy.restriction_lifted", _("Restriction of processing lifted")
    ACCESS_REVIEW_VIEWED = "privacy.access_review_viewed", _("Review of access rights viewed")
    ACCESS_REVIEW_SIGNED = "privacy.access_review_signed", _("Review of access rights signed off")
    UNUSUAL_ACCESS_VIEWED = "privacy.unusual_viewed", _("Report of unusual access viewed")
    UNUSUAL_ACCESS_SENT = "privacy.unusual_sent", _("Weekly report of unusual access sent")
    REGISTER_VIEWED = "privacy.register_viewed", _("Processing register viewed")
    REGISTER_ANNEX = "privacy.register_annex", _("DPIA annex downloaded")
    # police: the Wpg compartment
    POLICE_RECORDED = "police.recorded", _("Police information recorded")
    POLICE_VIEWED = "police.viewed", _("Police information viewed")
    POLICE_CHANGED = "police.changed", _("Police information corrected")
    POLICE_DESTROYED = "police.destroyed", _("Police information destroyed")
    # audit
    AUDIT_VIEWED = "audit.viewed", _("Audit trail viewed")
    AUDIT_VERIFIED = "audit.verified", _("Audit trail checked for changes")
    CONFIG_CHANGED = "configuration.changed", _("Setting changed")
    CONFIG_REMOVED = "configuration.removed", _("Setting removed")
    AUDIT_PRUNED = "audit.pruned", _("Records past the audit trail's term let go")
    CHAIN_REANCHORED = "audit.chain_reanchored", _("Audit chain re-anchored in a new form")
    # any app
    ACCESS_DENIED = "access.denied", _("Access denied")
    EXPORT_MADE = "export.made", _("List exported")
    EXPORT_REQUESTED = "export.requested", _("Bulk export asked for; waits for a second person")
    EXPORT_APPROVED = "export.approved", _("Bulk export of another user approved")
    EXPORT_REFUSED = "export.refused", _("Bulk export of another user refused")


class AuditResult(models.TextChoices):
    ALLOWED = "allowed", _("allowed")
    DENIED = "denied", _("denied")
