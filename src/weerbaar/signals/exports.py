"""The columns of the signal list as a file (``audit.exports.list_export``)."""

from django.utils.translation import gettext_lazy

from weerbaar.core.exports import Column

# The columns of the list page, in its order, with the full description a file can hold.
SIGNAL_COLUMNS = [
    Column(gettext_lazy("Number"), lambda s: s.reference),
    Column(gettext_lazy("Reported on"), lambda s: s.reported_on),
    Column(gettext_lazy("Phenomenon"), lambda s: s.phenomenon),
    Column(gettext_lazy("Channel"), lambda s: s.get_channel_display()),
    Column(gettext_lazy("Status"), lambda s: s.get_status_display()),
    Column(gettext_lazy("Urgency"), lambda s: s.get_urgency_display()),
    Column(
        gettext_lazy("Assigned to"),
        lambda s: s.assigned_to and (s.assigned_to.get_full_name() or s.assigned_to.username),
    ),
    Column(gettext_lazy("Summary"), lambda s: s.summary),
    Column(gettext_lazy("Description"), lambda s: s.description),
]
