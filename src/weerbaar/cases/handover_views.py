"""Handing a case over to a zaaksysteem: the case file as ZGW Zaken API JSON (cases/zgw.py),
made after the reader states its purpose and confirms who they are, and recorded."""

import json

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from weerbaar.cases import selectors, services, zgw
from weerbaar.core import reauth
from weerbaar.core.http import sandboxed_bytes


@login_required
@require_GET
def zgw_export(request, case_id):
    case = selectors.case_file_get(user=request.user, case_id=case_id, request=request)
    purpose = request.GET.get("doel", "").strip()[:200]
    if len(purpose) < 5:
        error = _("State the purpose of the export (at least 5 characters).")
        context = {"case": case, "error": error if "doel" in request.GET else ""}
        return render(request, "cases/zgw.html", context)
    if not reauth.recent(request):
        return reauth.ask(request)
    services.case_exported(
        actor=request.user, case=case, fmt="zgw", purpose=purpose, request=request
    )
    document = zgw.zaak_document(case, base=request.build_absolute_uri("/"))
    return sandboxed_bytes(
        json.dumps(document, ensure_ascii=False, indent=2).encode(),
        filename=f"{case.reference}-zgw.json",
        content_type="application/json",
    )
