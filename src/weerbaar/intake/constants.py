"""Names the intake app shares with the rest of the project."""

# Who reports on behalf of a partner organisation (the partner form and API).
PARTNER_PERMISSION = "intake.submit_partner_report"
# Days without word after which a reporter is owed an answer (Woerden: every reporter hears
# back); the inbox filter, the start page and the LIO agenda count with it.
FEEDBACK_DAYS = 30
