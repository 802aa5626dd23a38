"""Who may open which route: the checked-in expectation table of the authorisation test.

Every named URL pattern must have a row; a new route without one fails the build. A row
names the principals that get a 2xx answer to GET; every other principal must not.
``PUBLIC`` rows are open to everybody, anonymous included.
"""

SEE_ALL = {"regisseur", "behandelaar", "toezichthouder", "bibob_coordinator"}
ROLES = {
    "regisseur",
    "medewerker",
    "behandelaar",
    "toezichthouder",
    "bibob_coordinator",
    "ketenpartner",
    "burgemeester",
    "beheerder",
    "fg",
}
LOGGED_IN = ROLES | {"revoked", "outsider"}
PUBLIC = "public"
NOBODY: set[str] = set()
# A route without a session (the calendar link): a sample link that is not live answers 404
# to everyone; tests/interventions/test_calendar.py proves a live one.
PUBLIC_BY_LINK = NOBODY
# The standing group of the LIO in the test world (tests/meetings/world.py); the regisseur
# sees every meeting through the role.
MEETING_PEOPLE = {"regisseur", "ketenpartner", "behandelaar"}
# The world's case belongs to a case team of behandelaar and toezichthouder, its type shows it
# to the mayor, and its heading is shared with the partner (tests/cases/world.py).
CASE_PEOPLE = {"regisseur", "behandelaar", "toezichthouder", "burgemeester", "ketenpartner"}
# Who reads the whole file (and so its interventions): not the partner, who has the heading.
CASE_FILE = CASE_PEOPLE - {"ketenpartner"}

# Who reads and records police information (police 0002).
POLICE = {"regisseur", "behandelaar"}

# Who plans and records inspections and address checks (inspections 0003).
INSPECTORS = {"regisseur", "toezichthouder"}

# The URL parameters that name one object of the test world (a UUID each), in every test that
# walks the routes.
WORLD_OBJECTS = (
    "meeting_id",
    "series_id",
    "item_id",
    "action_id",
    "case_id",
    "task_id",
    "intervention_id",
    "version_id",
    "alert_id",
    "run_id",
    "link_id",
    "account_id",
    "hold_id",
    "request_id",
    "provision_id",
    "access_id",
    "relation_id",
    "pair_id",
    "merge_id",
)
OBJECT_PARAMS = {
    *WORLD_OBJECTS,
    "contribution_id",
    "grant_id",
    "signal_id",
    "attachment_id",
    "subject_id",
    "report_id",
    "uuid",
}

# Routes whose readers confirm who they are first (core.reauth): the principals listed get the
# redirect to the confirmation page, everyone else what EXPECTED_GET says; a test of the route
# proves the page after it (tests/privacy/test_requests.py).
CONFIRM_FIRST = {"privacy:request_copy": {"fg"}}

EXPECTED_GET = {
    "home": LOGGED_IN,
    "accounts:login": {"anonymous", "deactivated"},  # signed-in users are sent on to the start page
    "accounts:logout": NOBODY,  # POST only
    "accounts:profile": LOGGED_IN,
    "accounts:reauth": LOGGED_IN,
    "accounts:inbox": LOGGED_IN,
    "accounts:inbox_read": NOBODY,  # POST only
    "accounts:inbox_read_all": NOBODY,  # POST only
    "accounts:notifications": NOBODY,  # POST only
    "accounts:calendar_renew": NOBODY,  # POST only
    "accounts:calendar_revoke": NOBODY,  # POST only
    "my_tasks": LOGGED_IN,  # each sees their own open tasks, possibly none
    "deadline_feed": PUBLIC_BY_LINK,  # no session: only a live personal link opens it
    "accounts:password_change": LOGGED_IN,
    "accounts:token_renew": NOBODY,  # POST only
    "accounts:token_revoke": NOBODY,  # POST only
    "accounts:otp_enroll": LOGGED_IN,
    "accounts:otp_verify": LOGGED_IN,
    "subjects:search": SEE_ALL,
    "subjects:create": {"regisseur", "behandelaar"},
    "subjects:detail": SEE_ALL,
    "subjects:edit": {"regisseur", "behandelaar"},  # who may correct a subject's details
    "subjects:relation_find": {"regisseur", "behandelaar"},
    "subjects:relation_new": NOBODY,  # reached from relation_find with its other end
    "subjects:relation_edit": {"regisseur", "behandelaar"},
    "subjects:relation_end": NOBODY,  # POST only
    "subjects:duplicates": {"regisseur"},
    "subjects:duplicate": {"regisseur"},
    "subjects:duplicate_distinct": NOBODY,  # POST only
    "subjects:merge_find": {"regisseur"},
    "subjects:merge_compare": NOBODY,  # reached from merge_find with the other one
    "subjects:unmerge": NOBODY,  # POST only
    "network:network": SEE_ALL,  # who may search subjects; without a start it says where to begin
    "network:expand": NOBODY,  # without a subject to expand: as a missing one
    "network:path": NOBODY,  # without its two subjects: as missing ones
    "network:picture": NOBODY,  # POST only
    "network:handover": NOBODY,  # without a start: as a missing one
    "audit:list": {"fg"},
    "audit:find": NOBODY,  # POST only
    "audit:exports": LOGGED_IN,
    "audit:export_decide": NOBODY,  # POST only
    "configuration:index": {"beheerder"},
    "configuration:users": {"beheerder"},
    "configuration:user_create": {"beheerder"},
    "configuration:user": {"beheerder"},
    "configuration:user_active": NOBODY,  # POST only
    "configuration:grant": NOBODY,  # POST only
    "configuration:thresholds": {"beheerder"},
    "configuration:threshold": {"beheerder"},
    "configuration:section": {"beheerder"},
    "configuration:create": {"beheerder"},
    "configuration:edit": {"beheerder"},
    "configuration:remove": NOBODY,  # POST only
    "audit:verify": NOBODY,  # POST only
    "set_language": NOBODY,  # POST only; GET redirects
    "health": PUBLIC,
    "csp_report": NOBODY,  # POST only, by browsers
    "api-schema": LOGGED_IN,
    "api-docs": LOGGED_IN,
    "api-root": LOGGED_IN,
    "subject-list": LOGGED_IN,  # each sees only what need-to-know allows, possibly nothing
    "subject-search": NOBODY,  # POST only
    "subject-detail": SEE_ALL,
    "subject-relations": SEE_ALL,
    "signals:list": {"regisseur"},
    "signals:detail": {"regisseur"},
    "signals:triage": NOBODY,  # POST only
    "signals:status": NOBODY,  # POST only
    "signals:search": {"regisseur"},
    "signals:view_save": NOBODY,  # POST only
    "signals:bulk": NOBODY,  # POST only
    "signals:route": NOBODY,  # POST only
    "signals:view_delete": NOBODY,  # POST only
    "signals:subject_find": {"regisseur"},
    "signals:subject_link": NOBODY,  # POST only
    # Confirmation pages for the item named in the query (?subject=, ?verrijking=); without
    # one nothing is found.
    "signals:subject_unlink": NOBODY,
    "signals:enrichment_remove": NOBODY,
    "signals:subject_role": NOBODY,  # POST only
    "signals:reopen": NOBODY,  # POST only
    "signals:merge_undo": NOBODY,  # POST only
    "signals:enrichment_edit": NOBODY,  # POST only
    "signals:weigh": NOBODY,  # POST only
    "signals:enrich": NOBODY,  # POST only
    "signals:relate": NOBODY,  # POST only
    "signals:merge": NOBODY,  # POST only
    "meetings:list": MEETING_PEOPLE,
    "meetings:series_create": {"regisseur"},
    "meetings:plan": {"regisseur"},
    "meetings:actions": LOGGED_IN,  # each sees their own action points
    "meetings:action_done": NOBODY,  # POST only
    "meetings:detail": MEETING_PEOPLE,
    "meetings:compose": NOBODY,  # POST only
    "meetings:send": NOBODY,  # POST only
    "meetings:close": NOBODY,  # POST only
    "meetings:minutes": MEETING_PEOPLE,
    "meetings:minutes_pdf": MEETING_PEOPLE,
    "meetings:item_remove": NOBODY,  # POST only
    "meetings:item_move": NOBODY,  # POST only
    "meetings:item_share": NOBODY,  # POST only
    "meetings:item_notes": NOBODY,  # POST only
    "meetings:item_decide": NOBODY,  # POST only
    "meetings:action_add": NOBODY,  # POST only
    "meetings:decision_correct": NOBODY,  # POST only
    "meetings:contribute": NOBODY,  # POST only
    "meetings:contribution_share": NOBODY,  # POST only
    "cases:list": CASE_PEOPLE,
    "cases:create": {"regisseur", "behandelaar"},
    "cases:detail": CASE_PEOPLE,
    "cases:status": NOBODY,  # POST only
    "cases:close": NOBODY,  # POST only
    "cases:note": NOBODY,  # POST only
    "cases:task": NOBODY,  # POST only
    "cases:task_done": NOBODY,  # POST only
    "cases:riec": NOBODY,  # POST only
    "cases:share": NOBODY,  # POST only
    "cases:share_stop": NOBODY,  # POST only
    "cases:zgw": CASE_FILE,  # without a purpose: the page that asks for it
    "cases:member": NOBODY,  # POST only
    "cases:subject_find": {"regisseur", "behandelaar", "toezichthouder"},
    "cases:subject_link": NOBODY,  # POST only
    "cases:subject_role": NOBODY,  # POST only
    "cases:reopen": NOBODY,  # POST only
    "cases:retitle": NOBODY,  # POST only
    "cases:team_set": NOBODY,  # POST only
    "cases:note_edit": NOBODY,  # POST only
    # Confirmation pages for the item named in the query (?subject=, ?notitie=).
    "cases:subject_unlink": NOBODY,
    "cases:note_remove": NOBODY,
    "cases:document_upload": NOBODY,  # POST only
    "cases:document": CASE_FILE,
    "interventions:overview": LOGGED_IN,  # each sees their own and their teams' deadlines
    "interventions:for_case": CASE_FILE,
    "interventions:start": {"regisseur", "behandelaar"},
    "interventions:detail": CASE_FILE,
    "interventions:steps": NOBODY,  # POST only
    "interventions:forfeiture": NOBODY,  # POST only
    "interventions:finish": NOBODY,  # POST only
    # The world's measure is still being prepared: no letter of it can be made or shown yet.
    "interventions:letter": NOBODY,
    "interventions:letter_make": NOBODY,  # POST only
    "interventions:letter_texts": {"beheerder"},
    "interventions:letter_text_edit": {"beheerder"},
    "interventions:letter_text_restore": NOBODY,  # POST only
    # The Bibob compartment: the role alone opens the list; the sample screening exists for no
    # one, so its pages answer 404 to all (tests/screening/test_compartment.py walks a real one).
    # The yearly report: aggregates for the mayor and management, and the regisseur (#16).
    "privacy:retention": {"fg", "beheerder"},
    "privacy:dry_run": NOBODY,  # POST only
    "privacy:hold_add": NOBODY,  # POST only
    "privacy:hold_lift": NOBODY,  # POST only
    "privacy:requests": {"fg"},
    "privacy:request_new": {"fg"},
    "privacy:request": {"fg"},
    "privacy:request_extend": NOBODY,  # POST only
    "privacy:request_answer": NOBODY,  # POST only
    "privacy:withhold": NOBODY,  # POST only
    "privacy:withhold_clear": NOBODY,  # POST only
    "privacy:annotate": NOBODY,  # POST only
    "privacy:restrict": NOBODY,  # POST only
    "privacy:restriction_lift": NOBODY,  # POST only
    "privacy:request_copy": NOBODY,  # CONFIRM_FIRST
    "privacy:access_review": {"fg"},
    "privacy:access_review_sign": NOBODY,  # POST only
    "privacy:unusual": {"fg"},
    "privacy:register": {"fg", "beheerder"},
    "privacy:register_annex": {"fg", "beheerder"},
    "privacy:emergency": {"behandelaar", "toezichthouder"},
    "privacy:emergency_end": NOBODY,  # POST only
    "privacy:openings": {"fg"},
    "privacy:opening": {"fg"},
    "reporting:report": {"regisseur", "burgemeester"},
    "reporting:overview": {"regisseur", "burgemeester"},
    "reporting:map": {"regisseur", "burgemeester"},
    "reporting:map_buildings": {"regisseur", "burgemeester"},
    "reporting:narrative": NOBODY,  # POST only
    "reporting:adopt": NOBODY,  # POST only
    "screening:list": {"bibob_coordinator"},
    "screening:create": {"bibob_coordinator"},
    "screening:detail": NOBODY,
    "screening:steps": NOBODY,  # POST only
    "screening:intention": NOBODY,  # POST only
    "screening:decide": NOBODY,  # POST only
    "screening:letter_make": NOBODY,  # POST only
    "screening:letter": NOBODY,
    "screening:finding": NOBODY,  # POST only
    "screening:party_find": NOBODY,
    "screening:party_add": NOBODY,  # POST only
    "screening:party_remove": NOBODY,
    "screening:share": NOBODY,
    "screening:registry_facts": NOBODY,
    "screening:lists": {"bibob_coordinator"},
    "screening:list_new": {"bibob_coordinator"},
    "screening:list_detail": NOBODY,
    "screening:copy": NOBODY,
    "screening:year": {"bibob_coordinator"},
    # The world's police information is for closure (regisseur, behandelaar) on the world's
    # case: the regisseur through every case, the behandelaar through the case team. Not the
    # toezichthouder of that team, nor the mayor who sees the case type, nor the partner.
    "police:list": POLICE,
    "police:for_case": POLICE,
    "police:create": POLICE,
    "police:detail": POLICE,
    "police:edit": POLICE,
    "police:destroy": POLICE,
    # Inspections and address checks: the toezichthouder and the regisseur see them all (the
    # world has none, so no team member is offered the lists); the sample ids name no object,
    # so the object pages answer 404 to all (tests/inspections walk real ones, both sides).
    "inspections:list": INSPECTORS,
    "inspections:planning": INSPECTORS,
    "inspections:plan": INSPECTORS,
    "inspections:candidate_add": NOBODY,  # POST only
    "inspections:candidate_remove": NOBODY,  # POST only
    "inspections:detail": NOBODY,
    "inspections:safety": NOBODY,  # POST only
    "inspections:facts": NOBODY,
    "inspections:briefing": NOBODY,
    "inspections:research": NOBODY,  # POST only
    "inspections:site": NOBODY,
    "inspections:findings": NOBODY,  # POST only
    "inspections:photo_add": NOBODY,  # POST only
    "inspections:photo": NOBODY,
    "inspections:outcome": NOBODY,  # POST only
    "inspections:to_signal": NOBODY,  # POST only
    "inspections:to_case": NOBODY,  # POST only
    "inspections:to_measure": NOBODY,  # POST only
    "inspections:checks": INSPECTORS,
    "inspections:check_plan": INSPECTORS,
    "inspections:check_detail": NOBODY,
    "inspections:check_record": NOBODY,  # POST only
    "warehouse:alerts": {"regisseur"},
    "warehouse:scan": NOBODY,  # POST only
    "warehouse:scan_status": {"regisseur"},
    "warehouse:alert": {"regisseur"},
    "warehouse:dismiss": NOBODY,  # POST only
    "warehouse:dismiss_many": NOBODY,  # POST only
    "warehouse:to_signal": NOBODY,  # POST only
    "warehouse:new_businesses": INSPECTORS,
    "warehouse:imports": {"regisseur"},
    "warehouse:import": {"regisseur"},
    "warehouse:links": {"regisseur"},
    "warehouse:run_linkage": NOBODY,  # POST only
    "warehouse:link_status": {"regisseur"},
    "warehouse:link_decide": NOBODY,  # POST only
    "intake:report": PUBLIC,
    "intake:follow_up": PUBLIC,
    "intake:follow_up_sent": PUBLIC,
    "intake:address_suggestions": PUBLIC,
    "intake:dialogue": {"regisseur"},
    "intake:internal": LOGGED_IN,
    "intake:partner": {"ketenpartner"},
    "intake:my_reports": LOGGED_IN,
    "intake:mma_import": {"regisseur"},
    "intake:reveal": NOBODY,  # POST only
    "intake:reveals": {"regisseur"},
    "intake:attachment": {"regisseur"},
    "case-list": LOGGED_IN,  # each sees only the cases need-to-know allows, possibly none
    "case-detail": CASE_PEOPLE,
    "intervention-detail": CASE_FILE,
    "deadline-list": LOGGED_IN,  # the caller's own deadlines
    "api-report-public": PUBLIC,  # GET gives a start token; POST files a report
    "api-report-internal": NOBODY,  # POST only
    "api-report-partner": NOBODY,  # POST only
}
# The Django admin is for the functioneel beheerder (staff) alone.
ADMIN_PREFIX = "admin:"
ADMIN_ALLOWED = {"beheerder"}

SAMPLE_KWARGS = {
    "kind": "person",
    "format": "json",
    "object_id": "1",
    "content_type_id": "1",
    "app_label": "accounts",
    "pk": "1",
    "report_id": "00000000-0000-4000-8000-000000000000",
    "attachment_id": "00000000-0000-4000-8000-000000000000",
    "view_id": "1",
    "letter": "besluit",
    "token": "0123456789ab.not-a-live-link",
    "contribution_id": "00000000-0000-4000-8000-000000000000",
    "grant_id": "00000000-0000-4000-8000-000000000000",
    "export_id": "00000000-0000-4000-8000-000000000000",
    "slug": "zaaktypen",
    "row_id": "1",
    "code": "overcrowding",
    "inspection_id": "00000000-0000-4000-8000-000000000000",
    "photo_id": "00000000-0000-4000-8000-000000000000",
    "check_id": "00000000-0000-4000-8000-000000000000",
    "candidate_id": "00000000-0000-4000-8000-000000000000",
    "screening_id": "00000000-0000-4000-8000-000000000000",
    "letter_id": "00000000-0000-4000-8000-000000000000",
    "party_id": "1",
    "year": "2019",
    "theme": "casussen",
    "list_id": "00000000-0000-4000-8000-000000000000",
}
