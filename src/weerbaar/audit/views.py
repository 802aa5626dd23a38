from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.audit import finders, labels, selectors
from weerbaar.audit.constants import VIEW_PERMISSION, AuditAction
from weerbaar.audit.exports import list_export, offer
from weerbaar.audit.forms import AuditFilterForm, SubjectFindForm
from weerbaar.audit.services import audit_record, audit_verify_kept
from weerbaar.core import exports
from weerbaar.core.exports import Column

# What a broken chain means, for the privacy officer (audit_verify's reasons).
BROKEN = {
    "content": gettext_lazy("a record was changed"),
    "missing": gettext_lazy("a record was removed"),
    "link": gettext_lazy("a record was rewritten with a new hash"),
    "truncated": gettext_lazy("records at the end were removed"),
    "anchor": gettext_lazy("the kept anchor no longer matches"),
    "pruned": gettext_lazy("records were removed without the retention job"),
}

# The columns of the page, with the purpose a record states; a public reporter's act keeps
# its day only, as on the page.
COLUMNS = [
    Column(gettext_lazy("No."), lambda r: r.pk),
    Column(gettext_lazy("Time"), lambda r: localdate(r.created_at) if r.day_only else r.created_at),
    Column(gettext_lazy("User"), lambda r: r.actor_username),
    Column(gettext_lazy("Action"), lambda r: r.action_label),
    Column(gettext_lazy("Result"), lambda r: r.get_result_display()),
    Column(gettext_lazy("Object type"), lambda r: labels.kind(r.object_type)),
    Column(gettext_lazy("Object"), lambda r: r.subject_ref or r.object_id),
    Column(gettext_lazy("Screen"), lambda r: r.route),
    Column(gettext_lazy("Purpose"), lambda r: r.purpose),
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
            request,
            name="audittrail",
            title=gettext_lazy("Audit trail"),
            columns=COLUMNS,
            rows=records,
        )
    page = Paginator(records, 50).get_page(request.GET.get("pagina"))
    audit_record(
        actor=request.user,
        action=AuditAction.AUDIT_VIEWED,
        request=request,
        extra={k: str(v) for k, v in filters.items() if v},
    )
    labels.describe(page.object_list)
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"form": form, "page": page, "query": query.urlencode(), **offer(request)}
    return render(request, "audit/list.html", {**context, "find_form": SubjectFindForm()})


def _require_fg(user) -> None:
    if not (user.is_active and user.has_perm(VIEW_PERMISSION)):
        raise Http404


@login_required
@require_POST
def subject_find(request):
    """Find a subject by name or address to filter the trail on; by POST, so the name stays
    out of URLs and logs, through the subject search (audited there)."""
    _require_fg(request.user)
    form = SubjectFindForm(request.POST)
    hits = None
    if form.is_valid():
        hits = finders.find(user=request.user, query=form.cleaned_data["q"], request=request)
    return render(
        request,
        "audit/find.html",
        {"find_form": form, "hits": hits, "form": AuditFilterForm()},
    )


@login_required
@require_POST
def chain_verify(request):
    """Recompute the chain and say, in words, whether it is whole."""
    _require_fg(request.user)
    result, anchors, forged = audit_verify_kept()
    audit_record(
        actor=request.user,
        action=AuditAction.AUDIT_VERIFIED,
        request=request,
        extra={
            "checked": result.checked,
            "whole": result.ok,
            "broken": result.broken_id or "",
            "anchors": anchors,
            "forged": forged,
        },
    )
    if forged:
        messages.error(
            request,
            _(
                "%(n)s kept anchor lines carry no valid signature: someone wrote in the anchor "
                "folder without the key. Report this to the security officer."
            )
            % {"n": forged},
        )
    if result.ok:
        messages.success(
            request,
            _(
                "The audit trail is whole: %(n)s records checked, none changed or removed, "
                "against %(anchors)s anchors kept outside the database."
            )
            % {"n": result.checked, "anchors": anchors},
        )
    else:
        messages.error(
            request,
            _(
                "The audit trail is broken at record %(id)s (%(reason)s). Report this to the "
                "security officer; the records from there on cannot be trusted."
            )
            % {"id": result.broken_id, "reason": BROKEN.get(result.reason, result.reason)},
        )
    return redirect("audit:list")
