"""Names the intake app shares with the rest of the project."""

# Who reports on behalf of a partner organisation (the partner form and API).
PARTNER_PERMISSION = "intake.submit_partner_report"
