"""The 4-weekly list of new businesses by branch and area, for planning controls."""

import re

import duckdb
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from weerbaar.inspections import candidates
from weerbaar.inspections.constants import PLAN_PERMISSION
from weerbaar.warehouse import newcomers, selectors

AREA = re.compile(r"^\d{4}$")
GROUPS_SHOWN = 50


@login_required
@require_http_methods(["GET"])
def new_businesses(request):
    user = request.user
    division = request.GET.get("afdeling", "")
    division = division if division in newcomers.division_titles() else ""
    area = request.GET.get("gebied", "")
    area = area if AREA.match(area) else ""
    context = {
        "division": division,
        "branch": newcomers.division_titles().get(division, ""),
        "area": area,
        "since": newcomers.since(),
        "query": urlencode({k: v for k, v in (("afdeling", division), ("gebied", area)) if v}),
        "may_plan": user.has_perm(PLAN_PERMISSION),
    }
    try:
        rows = selectors.newcomer_list(user=user, division=division, area=area, request=request)
        groups = selectors.newcomer_groups(user=user, request=request)
    except duckdb.IOException:
        return render(request, "warehouse/new_businesses.html", context | {"busy": True})
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    rows = [(row, candidates.plan_url("kvk", row.establishment)) for row in page.object_list]
    context |= {
        "page": page,
        "rows": rows,
        "groups": groups[:GROUPS_SHOWN],
        "more_groups": max(0, len(groups) - GROUPS_SHOWN),
    }
    return render(request, "warehouse/new_businesses.html", context)
