"""The copy of a screening for the person concerned, as a PDF: the Bibob role only, after
confirming who they are again, audited, served as a sandboxed download."""

from django.contrib.auth.decorators import login_required
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from weerbaar.core import pdf, reauth
from weerbaar.core.http import sandboxed_bytes
from weerbaar.screening import redaction, selectors
from weerbaar.screening.constants import SEE_ALL_PERMISSION


@login_required
@require_http_methods(["GET"])
def applicant_copy(request, screening_id):
    # A colleague with a share reads the file; passing it on to the applicant is the role's.
    screening = selectors.screening_get(
        user=request.user,
        screening_id=screening_id,
        request=request,
        audit=False,
        allowed=request.user.has_perm(SEE_ALL_PERMISSION),
    )
    if not reauth.recent(request):
        return reauth.ask(request)
    context = redaction.applicant_copy(actor=request.user, screening=screening, request=request)
    html = render_to_string("screening/copy_pdf.html", context, request=request)
    return sandboxed_bytes(
        pdf.render(html),
        filename=f"bibob-{screening.reference}-afschrift.pdf",
        content_type="application/pdf",
    )
