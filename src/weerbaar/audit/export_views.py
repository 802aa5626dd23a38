"""Export requests: the asker's own, with the download once approved, and the ones that wait
for a second person like the reader (SECURITY.md P23)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.audit import selectors, services
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.models import ExportRequest
from weerbaar.audit.services import audit_record
from weerbaar.core.forms import attempt


def download_url(export: ExportRequest) -> str:
    query = [*export.filters, ("format", export.fmt), ("doel", export.purpose)]
    return f"{export.path}?{urlencode([*query, ('verzoek', str(export.uuid))])}"


@login_required
@require_http_methods(["GET"])
def export_requests(request):
    mine = [
        (e, download_url(e) if e.status == ExportRequest.Status.APPROVED else "")
        for e in selectors.my_exports(user=request.user)
    ]
    return render(
        request,
        "audit/exports.html",
        {
            "mine": mine,
            "to_decide": selectors.exports_to_decide(user=request.user),
            "may_approve": selectors.may_approve_exports(request.user),
        },
    )


@login_required
@require_POST
def export_decide(request, export_id):
    export = selectors.export_to_decide(user=request.user, export_id=export_id)
    if export is None:
        audit_record(
            actor=request.user,
            action=AuditAction.ACCESS_DENIED,
            request=request,
            result=AuditResult.DENIED,
            extra={"object": "audit.exportrequest", "id": str(export_id)[:64]},
        )
        raise Http404
    approve = request.POST.get("decision") == "approve"
    attempt(
        request,
        lambda: services.export_request_decide(actor=request.user, export=export, approve=approve),
        _("The export has been approved; the asker can download it once.")
        if approve
        else _("The export has been refused."),
    )
    return redirect("audit:exports")
