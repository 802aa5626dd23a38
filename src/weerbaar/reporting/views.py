"""The yearly report on screen and as files; every page reads ``selectors.yearly_report``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.lookup import refuse
from weerbaar.core import exports
from weerbaar.reporting import files, selectors, services
from weerbaar.reporting.figures import year_labels
from weerbaar.reporting.forms import SpanForm, default_span

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": exports.FORMATS["xlsx"]}


def _file(request, years, sections):
    fmt = request.GET.get("format")
    if fmt not in CONTENT_TYPES:
        return HttpResponseBadRequest(
            _("Unknown export format: choose csv or xlsx."),
            content_type="text/plain; charset=utf-8",
        )
    form = exports.ExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("State the purpose of the export (at least 5 characters)."))
        query = exports.list_query(request)
        return redirect(f"{request.path}?{query.urlencode()}")
    services.report_exported(
        actor=request.user,
        years=years,
        fmt=fmt,
        purpose=form.cleaned_data["doel"],
        request=request,
    )
    title = _("Yearly report %(first)s-%(last)s") % {"first": years.start, "last": years.stop - 1}
    if fmt == "csv":
        body = files.csv_text(sections, years, user=request.user).encode()
    else:
        body = files.xlsx(sections, years, user=request.user, title=title)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    name = f"jaarverslag-{years.start}-{years.stop - 1}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET"])
def yearly_report(request):
    if not selectors.may_view(request.user):
        refuse(user=request.user, label="reporting.reportyear", request=request)
    form = SpanForm(exports.list_query(request) or default_span())
    years = form.years() if form.is_valid() else None
    sections = (
        selectors.yearly_report(user=request.user, years=years, request=request) if years else []
    )
    if years and exports.wanted(request):
        return _file(request, years, sections)
    context = {
        "form": form,
        "years": year_labels(years) if years else [],
        "sections": sections,
        "anything": any(not t.empty for _title, tables in sections for t in tables),
        "filters": exports.filter_params(request)
        or [(k, str(v)) for k, v in default_span().items()],
    }
    return render(request, "reporting/report.html", context)
