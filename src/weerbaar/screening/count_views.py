"""The Bibob figures of a year (Jaaroverzicht): a fragment the Bibob list page loads, and a
page of its own. The Bibob role only, although they are counts: the list page is theirs."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.lookup import refuse
from weerbaar.core.http import is_htmx
from weerbaar.screening import selectors
from weerbaar.screening.constants import SEE_ALL_PERMISSION
from weerbaar.screening.list_forms import YearForm


@login_required
@require_http_methods(["GET"])
def year_overview(request):
    if not request.user.has_perm(SEE_ALL_PERMISSION):
        refuse(user=request.user, label="screening.screening", request=request)
    this_year = timezone.localdate().year
    form = YearForm(request.GET or None, initial={"jaar": this_year})
    year = form.cleaned_data["jaar"] if form.is_valid() else this_year
    context = {"form": form, "counts": selectors.year_counts(year=year)}
    template = "screening/partials/year.html" if is_htmx(request) else "screening/year.html"
    return render(request, template, context)
