# Who sees the terms, the holds and the deletion register (the FG and the beheerder).
VIEW_PERMISSION = "privacy.view_retention"
# Who places and lifts legal holds and runs the trial (the FG).
HOLD_PERMISSION = "privacy.add_legalhold"
# Who answers the requests of data subjects (the FG).
HANDLE_PERMISSION = "privacy.handle_datarequest"
# Who signs off the review of access rights (the FG).
REVIEW_PERMISSION = "privacy.sign_accessreview"
