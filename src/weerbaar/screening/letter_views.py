"""The screening's letters (made and downloaded inside the compartment) and the registry
facts of its applicant and parties."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.core.files import readable_path
from weerbaar.core.forms import attempt
from weerbaar.core.http import sandboxed_download
from weerbaar.screening import registry_facts as facts
from weerbaar.screening import selectors, services
from weerbaar.screening.constants import LETTER_FOLDER, LetterKind
from weerbaar.screening.views import _changeable


@login_required
@require_POST
def letter_make(request, screening_id, kind):
    """Make a letter (a POST: it is kept as a new version) and offer it on the page."""
    screening = _changeable(request, screening_id)
    if kind not in LetterKind.values:
        raise Http404
    attempt(
        request,
        lambda: services.letter_make(actor=request.user, screening=screening, kind=kind),
        _("The letter has been made; it is kept with the screening."),
    )
    return redirect(reverse("screening:detail", args=[screening.uuid]) + "#letters-heading")


@login_required
@require_http_methods(["GET"])
def letter_download(request, letter_id):
    letter = selectors.letter_get(user=request.user, letter_id=letter_id, request=request)
    return sandboxed_download(
        readable_path(LETTER_FOLDER, letter.uuid),
        filename=letter.file_name,
        content_type="application/pdf",
    )


@login_required
@require_http_methods(["GET"])
def registry_facts(request, screening_id):
    """What the warehouse's registries say about the applicant and the parties: the checklist
    item "registerfeiten" of the own investigation."""
    screening = selectors.screening_get(
        user=request.user, screening_id=screening_id, request=request, audit=False
    )
    context = {"screening": screening, "connected": facts.connected()}
    try:
        context["rows"] = facts.facts_for(user=request.user, screening=screening, request=request)
    except facts.Unavailable:
        context["busy"] = True
    return render(request, "screening/registry_facts.html", context)
