"""Project-level pages: the start page per role, the API docs page and the health check.

Project wiring may compose blocks from every app; no app imports this module.
"""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from drf_spectacular.generators import SchemaGenerator

from weerbaar.accounts.access import can_use
from weerbaar.accounts.selectors import team_list
from weerbaar.audit.constants import VIEW_PERMISSION as AUDIT_PERMISSION
from weerbaar.subjects.selectors import may_search_subjects


@login_required
@require_http_methods(["GET"])
def home(request):
    return render(
        request,
        "home.html",
        {
            "teams": team_list(user=request.user),
            "may_search": may_search_subjects(request.user),
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
