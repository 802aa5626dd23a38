# Who sees the terms, the holds and the deletion register (the FG and the beheerder).
VIEW_PERMISSION = "privacy.view_retention"
# Who places and lifts legal holds and runs the trial (the FG).
HOLD_PERMISSION = "privacy.add_legalhold"
# Who answers the requests of data subjects (the FG).
HANDLE_PERMISSION = "privacy.handle_datarequest"
# Who signs off the review of access rights (the FG).
REVIEW_PERMISSION = "privacy.sign_accessreview"
# Who may open a signal or case of another team with a stated reason (P22).
BREAK_PERMISSION = "privacy.add_emergencyaccess"
# Who judges those openings afterwards (the FG).
JUDGE_PERMISSION = "privacy.judge_emergencyaccess"
# How long such an opening lasts: a working day, then the record closes again.
BREAK_HOURS = 8
# The shortest reason, so "spoed" alone does not do.
REASON_MIN = 20
