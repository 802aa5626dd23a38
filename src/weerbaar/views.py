"""Project-level pages: the start page per role, the API docs page and the health check.

Project wiring may compose blocks from every app; no app imports this module.
"""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from drf_spectacular.generators import SchemaGenerator

from weerbaar.accounts.access import can_use
from weerbaar.accounts.selectors import team_list
from weerbaar.audit.constants import VIEW_PERMISSION as AUDIT_PERMISSION
from weerbaar.audit.selectors import exports_to_decide, may_approve_exports
from weerbaar.cases.selectors import may_see_cases, open_tasks
from weerbaar.core import deadline_board
from weerbaar.inspections.selectors import does_inspections, open_checks, upcoming
from weerbaar.intake.constants import FEEDBACK_DAYS
from weerbaar.intake.selectors import reporters_waiting, reveals_to_approve
from weerbaar.interventions.constants import CHANGE_PERMISSION as DEADLINES_PERMISSION
from weerbaar.interventions.selectors import deadline_counts, mayor_queue
from weerbaar.meetings.selectors import action_points, may_see_meetings, next_meeting
from weerbaar.reporting.selectors import may_view as may_view_report
from weerbaar.signals.constants import CHANGE_PERMISSION as ANSWER_PERMISSION
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.selectors import may_see_signals, work_counts
from weerbaar.subjects.constants import SEE_ALL_PERMISSION as SUBJECTS_PERMISSION
from weerbaar.warehouse.selectors import may_review, open_alert_count

# How many rows of a list the start page shows; the count links to the whole list.
FIRST = 5


def _first(rows) -> dict:
    """A list's first rows and its length, in two queries whatever its size."""
    return {"rows": list(rows[:FIRST]), "count": rows.count()}


def _signal_work(user) -> dict | None:
    if not may_see_signals(user):
        return None
    counts = work_counts(user=user)
    mine = [(SignalStatus(s).label, s, n) for s, n in counts["mine"].items()]
    return {"new": counts["new"], "mine": mine}


def _my_work(user) -> dict | None:
    """Tasks and action points: for whoever works on cases or meetings, or has some."""
    tasks, actions = _first(open_tasks(user=user)), _first(action_points(user=user))
    if tasks["count"] or actions["count"] or may_see_cases(user) or may_see_meetings(user):
        return {"tasks": tasks, "actions": actions}
    return None


def _deadlines(user) -> dict | None:
    """The measures' deadlines and those other apps keep on the overview (the Bibob terms)."""
    counts = deadline_counts(user=user)
    if deadline_board.has_any(user):
        more = deadline_board.counts(user=user, today=timezone.localdate())
        counts = {k: counts[k] + more[k] for k in counts}
    elif not counts["week"] and not user.has_perm(DEADLINES_PERMISSION):
        return None
    return counts


def _reporter_work(user) -> dict | None:
    if not user.has_perm(ANSWER_PERMISSION):
        return None
    return {
        "waiting": _first(reporters_waiting(user=user)),
        "reveals": _first(reveals_to_approve(user=user)),
        "days": FEEDBACK_DAYS,
    }


def _inspection_work(user) -> dict | None:
    """Upcoming inspections and open address checks, for whoever does them."""
    if not does_inspections(user):
        return None
    return {"upcoming": _first(upcoming(user=user)), "checks": _first(open_checks(user=user))}


def _accountability(user) -> dict | None:
    """For the mayor and management: the Damocles decisions waiting for the mayor."""
    if not may_view_report(user):
        return None
    return {"waiting": mayor_queue(user=user).count()}


def _work(user) -> dict:
    """Each block of the start page, or None for a role without that work."""
    return {
        "signals": _signal_work(user),
        "reporters": _reporter_work(user),
        "mine": _my_work(user),
        "deadlines": _deadlines(user),
        "alerts": open_alert_count(user=user) if may_review(user) else None,
        "exports": exports_to_decide(user=user).count() if may_approve_exports(user) else None,
        "meeting": {"next": next_meeting(user=user)} if may_see_meetings(user) else None,
        "inspections": _inspection_work(user),
        "accountability": _accountability(user),
    }


@login_required
@require_http_methods(["GET"])
def home(request):
    return render(
        request,
        "home.html",
        {
            "teams": team_list(user=request.user),
            "work": _work(request.user),
            # The same rule as the menu's: the search is for the roles that hold the register.
            "may_search": can_use(request.user, SUBJECTS_PERMISSION),
            "may_audit": can_use(request.user, AUDIT_PERMISSION),
        },
    )


@login_required
@require_http_methods(["GET"])
def api_docs(request):
    """The API described from the OpenAPI schema, without third-party scripts (CSP)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = [
        {
            "path": path,
            "method": method.upper(),
            "summary": op.get("summary") or op.get("description", ""),
            "tags": ", ".join(op.get("tags", [])),
        }
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
    ]
    return render(request, "api_docs.html", {"operations": operations})


def admin_login(request, extra_context=None):
    """The admin has no login of its own: staff use the normal login (with its lockout and
    second factor); anyone else signed in gets the same 404 as for any page they may not see."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_staff:
        raise Http404
    return redirect("admin:index")


# Shown when even the error page cannot be rendered (the database is gone, say).
_BARE_ERROR = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Er ging iets mis'
    "</title></head><body><h1>Er ging iets mis</h1><p>Probeer het over een paar minuten "
    "opnieuw.</p></body></html>"
)


def server_error(request):
    """The 500 page in the base layout, in the user's language; a bare Dutch page when the
    layout itself cannot be rendered."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001 - the last answer there is; never fail again here
        return HttpResponseServerError(_BARE_ERROR)


@require_http_methods(["GET"])
def health(request):
    return HttpResponse("ok", content_type="text/plain")
