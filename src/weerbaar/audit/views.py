from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from weerbaar.audit import selectors
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.forms import AuditFilterForm
from weerbaar.audit.services import audit_record


@login_required
@require_http_methods(["GET"])
def record_list(request):
    """The privacy officer's view of the trail, filtered by user, subject, action and period."""
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    try:
        records = selectors.audit_record_list(
            user=request.user, **{k: v for k, v in filters.items() if v}
        )
    except PermissionDenied:
        raise Http404 from None
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
        request, "audit/list.html", {"form": form, "page": page, "query": query.urlencode()}
    )
