"""Pages of the preparation beside the inspection page: the registry facts of its addresses
and businesses (read on demand, since each read is audited)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from weerbaar.inspections import registry_facts, selectors


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
