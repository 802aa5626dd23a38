"""Navigation per role. Project wiring: it may look at every app, no app looks at it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.access import can_use
from weerbaar.accounts.selectors import unread_count, user_roles
from weerbaar.cases.selectors import may_see_cases
from weerbaar.meetings.selectors import may_see_meetings
from weerbaar.signals.selectors import may_see_signals
from weerbaar.subjects.selectors import may_search_subjects


def _items(user):
    items = [(_("Home"), reverse("home"), "home")]
    if may_search_subjects(user):
        items.append((_("Subjects"), reverse("subjects:search"), "subjects"))
    if may_see_signals(user):
        items.append((_("Signals"), reverse("signals:list"), "signals"))
    if user.has_perm("intake.submit_partner_report"):
        items.append((_("Report a signal"), reverse("intake:partner"), "intake"))
    else:
        items.append((_("Report"), reverse("intake:internal"), "intake"))
    items.append((_("My reports"), reverse("intake:my_reports"), "my_reports"))
    if may_see_cases(user):
        items.append((_("Cases"), reverse("cases:list"), "cases"))
    if may_see_meetings(user):
        items.append((_("Meetings"), reverse("meetings:list"), "meetings"))
    unread = unread_count(user=user)
    label = _("Messages (%(n)s new)") % {"n": unread} if unread else _("Messages")
    items.append((label, reverse("accounts:inbox"), "inbox"))
    if can_use(user, "audit.view_auditrecord"):
        items.append((_("Audit trail"), reverse("audit:list"), "audit"))
    if user.is_staff:
        items.append((_("Administration"), reverse("admin:index"), "admin"))
    items.append((_("API"), reverse("api-docs"), "api"))
    return items


def _current(match) -> str:
    if match is None:
        return ""
    if match.view_name == "accounts:inbox":
        return "inbox"
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
