from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from weerbaar.audit import selectors
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.exports import list_export, offer
from weerbaar.audit.forms import AuditFilterForm
from weerbaar.audit.services import audit_record
from weerbaar.core import exports
from weerbaar.core.exports import Column

# The columns of the page, with the purpose a record states; a public reporter's act keeps
# its day only, as on the page.
COLUMNS = [
    Column(_("No."), lambda r: r.pk),
    Column(_("Time"), lambda r: localdate(r.created_at) if r.day_only else r.created_at),
    Column(_("User"), lambda r: r.actor_username),
    Column(_("Action"), lambda r: r.action_label),
    Column(_("Result"), lambda r: r.get_result_display()),
    Column(_("Object type"), lambda r: r.object_type),
    Column(_("Object"), lambda r: r.subject_ref or r.object_id),
    Column(_("Screen"), lambda r: r.route),
    Column(_("Purpose"), lambda r: r.purpose),
]


@login_required
@require_http_methods(["GET"])
def record_list(request):
    """The privacy officer's view of the trail, filtered by user, subject, action and period."""
    form = AuditFilterForm(exports.list_query(request) or None)
    filters = form.cleaned_data if form.is_valid() else {}
    try:
        records = selectors.audit_record_list(
            user=request.user, **{k: v for k, v in filters.items() if v}
        )
    except PermissionDenied:
        raise Http404 from None
    if exports.wanted(request):
        # The export is its own audit row (export.made), with the filters and the purpose.
        return list_export(
            request, name="audittrail", title=_("Audit trail"), columns=COLUMNS, rows=records
        )
    page = Paginator(records, 50).get_page(request.GET.get("pagina"))
    audit_record(
        actor=request.user,
        action=AuditAction.AUDIT_VIEWED,
        request=request,
        extra={k: str(v) for k, v in filters.items() if v},
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "audit/list.html",
        {"form": form, "page": page, "query": query.urlencode(), **offer(request)},
    )
