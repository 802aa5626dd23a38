"""Names the warehouse checks, in one place."""

# Alerts and imports are for the regisseur and analysts: an alert about an address is
# sensitive in itself.
VIEW_PERMISSION = "warehouse.view_alert"
CHANGE_PERMISSION = "warehouse.change_alert"
IMPORT_PERMISSION = "warehouse.add_importrun"
RULE_SETTING_PERMISSION = "warehouse.change_rulesetting"
