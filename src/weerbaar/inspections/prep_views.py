"""Pages of the preparation beside the inspection page: the registry facts of its addresses
and businesses (read on demand, since each read is audited) and a partner's briefing PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.lookup import parse_id
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.http import sandboxed_bytes
from weerbaar.inspections import registry_facts, selectors
from weerbaar.inspections.briefing import briefing_pdf


@login_required
@require_http_methods(["GET"])
def facts(request, inspection_id):
    inspection = selectors.inspection_get(
        user=request.user, inspection_id=inspection_id, request=request
    )
    context = {"inspection": inspection, "connected": registry_facts.connected()}
    try:
        context["rows"] = registry_facts.facts_for(
            user=request.user, inspection=inspection, request=request
        )
    except registry_facts.Unavailable:
        context["busy"] = True
    return render(request, "inspections/facts.html", context)


@login_required
@require_http_methods(["GET"])
def briefing(request, inspection_id):
    """The briefing PDF of the partner in ``?partner=``, one that takes part; a document of
    one inspection like the LIO minutes, so no re-authentication (that is for list exports)."""
    inspection = selectors.inspection_get(
        user=request.user, inspection_id=inspection_id, request=request, audit=False
    )
    participation = (
        inspection.participations.select_related("partner_kind")
        .filter(partner_kind_id=parse_id(request.GET.get("partner", "")))
        .first()
    )
    if participation is None:
        raise Http404
    data = briefing_pdf(inspection, participation)
    audit_record(
        actor=request.user,
        action=AuditAction.INSPECTION_BRIEFING,
        obj=inspection,
        request=request,
        new={"partner": participation.partner_kind.code},
    )
    name = f"{inspection.reference} briefing {participation.partner_kind.code}.pdf"
    return sandboxed_bytes(data, filename=name, content_type="application/pdf")
