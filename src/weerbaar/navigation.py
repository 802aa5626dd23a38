"""Navigation per role. Project wiring: it may look at every app, no app looks at it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.access import can_use
from weerbaar.accounts.selectors import unread_count, user_roles
from weerbaar.audit.constants import VIEW_PERMISSION as AUDIT_PERMISSION
from weerbaar.cases.selectors import may_see_cases
from weerbaar.configuration.selectors import may_configure
from weerbaar.core import deadline_board
from weerbaar.inspections.selectors import sees_anything as may_see_inspections
from weerbaar.intake.constants import PARTNER_PERMISSION
from weerbaar.interventions.constants import CHANGE_PERMISSION as DEADLINES_PERMISSION
from weerbaar.meetings.selectors import may_see_meetings
from weerbaar.police.selectors import may_use as may_use_police
from weerbaar.privacy.glass import may_break
from weerbaar.privacy.selectors import may_handle as may_handle_requests
from weerbaar.privacy.selectors import may_review as may_review_access
from weerbaar.privacy.selectors import may_view as may_view_retention
from weerbaar.reporting.selectors import may_view as may_view_report
from weerbaar.screening.constants import SEE_ALL_PERMISSION as BIBOB_PERMISSION
from weerbaar.signals.selectors import may_see_signals
from weerbaar.subjects.constants import SEE_ALL_PERMISSION as SUBJECTS_PERMISSION
from weerbaar.warehouse.selectors import may_review


def _messages_label(user):
    unread = unread_count(user=user)
    return _("Messages (%(n)s new)") % {"n": unread} if unread else _("Messages")


def _may_search(user) -> bool:
    # Searching the subject register is the work of the roles that hold it; a partner, who
    # at most has a few subjects shared for a meeting, is not offered a search of it.
    return can_use(user, SUBJECTS_PERMISSION)


def _report_item(user):
    if user.has_perm(PARTNER_PERMISSION):
        return (_("Report a signal"), "intake:partner", "intake")
    return (_("Report"), "intake:internal", "intake")


# (who sees it, label, route, key) in menu order; a label may depend on the user. An item
# shows only where the role can use the page and the page can show it something.
MENU = [
    (lambda u: True, _("Home"), "home", "home"),
    (_may_search, _("Subjects"), "subjects:search", "subjects"),
    (may_see_signals, _("Signals"), "signals:list", "signals"),
    (lambda u: True, _report_item, None, None),
    (lambda u: True, _("My reports"), "intake:my_reports", "my_reports"),
    (may_see_cases, _("Cases"), "cases:list", "cases"),
    (
        lambda u: u.has_perm(DEADLINES_PERMISSION) or deadline_board.has_any(u),
        _("Deadlines"),
        "interventions:overview",
        "interventions",
    ),
    (may_see_meetings, _("Meetings"), "meetings:list", "meetings"),
    (may_see_inspections, _("Inspections"), "inspections:list", "inspections"),
    (may_review, _("Warehouse"), "warehouse:alerts", "warehouse"),
    (lambda u: can_use(u, BIBOB_PERMISSION), _("Bibob"), "screening:list", "screening"),
    (may_use_police, _("Police information"), "police:list", "police"),
    (may_view_report, _("Overview"), "reporting:overview", "reporting"),
    (lambda u: True, _messages_label, "accounts:inbox", "inbox"),
    (lambda u: can_use(u, AUDIT_PERMISSION), _("Audit trail"), "audit:list", "audit"),
    (may_view_retention, _("Retention"), "privacy:retention", "privacy"),
    (may_handle_requests, _("Data subjects"), "privacy:requests", "privacy-requests"),
    (may_review_access, _("Access review"), "privacy:access_review", "privacy-access"),
    (may_break, _("Open with a reason"), "privacy:emergency", "privacy-glass"),
    (may_configure, _("Settings"), "configuration:index", "configuration"),
    (lambda u: u.is_staff, _("Administration"), "admin:index", "admin"),
    (lambda u: True, _("API"), "api-docs", "api"),
]

# The privacy app's pages in four menu items: retention, data subjects, the access review,
# opening with a reason; the FG's list of openings is part of the audit trail's.
PRIVACY_SECTIONS = {
    **dict.fromkeys(
        ("requests", "request", "withhold", "annotate", "restrict", "restriction"),
        "privacy-requests",
    ),
    "access": "privacy-access",
    "unusual": "audit",
    "openings": "audit",
    "opening": "audit",
    "emergency": "privacy-glass",
    "register": "privacy",
}


def _items(user):
    items = []
    for visible, label, route, key in MENU:
        if not visible(user):
            continue
        if route is None:
            label, route, key = label(user)
        elif callable(label):
            label = label(user)
        items.append((label, reverse(route), key))
    return items


def _current(match) -> str:
    if match is None:
        return ""
    if match.view_name == "accounts:inbox":
        return "inbox"
    if match.namespace == "interventions" and match.url_name.startswith("letter_text"):
        return "configuration"  # the letters' texts are the beheerder's settings
    if match.namespace == "interventions" and match.url_name != "overview":
        return "cases"  # a measure and its letters are part of its case, not the deadlines
    if match.namespace == "privacy":
        return PRIVACY_SECTIONS.get(match.url_name.split("_")[0], "privacy")
    return match.namespace or match.url_name


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "user_roles": []}
    section = getattr(request, "resolver_match", None)
    return {
        "nav_items": _items(user),
        "user_roles": user_roles(user=user),
        "nav_current": _current(section),
    }
