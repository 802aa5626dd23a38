"""The yearly report on screen and as files; every page reads ``selectors.yearly_report``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse
from weerbaar.core import exports, reauth
from weerbaar.core.forms import attempt
from weerbaar.core.http import sandboxed_bytes
from weerbaar.interventions.selectors import mayor_queue
from weerbaar.reporting import charts, council_letter, files, selectors, services, snapshot
from weerbaar.reporting.constants import FIRST_YEAR, YearStatus
from weerbaar.reporting.figures import THEMES, year_labels
from weerbaar.reporting.forms import (
    AdoptForm,
    NarrativeForm,
    PurposeForm,
    SpanForm,
    default_span,
)

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": exports.FORMATS["xlsx"],
    "pdf": "application/pdf",
    "infographic": "application/pdf",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
SUFFIX = {
    "infographic": "infographic.pdf",
    "png": "infographic.png",
    "docx": "raadsinformatiebrief.docx",
}


def _file(request, years, sections):
    fmt = request.GET.get("format")
    if fmt not in CONTENT_TYPES:
        return HttpResponseBadRequest(
            _("Unknown format: choose csv, xlsx, pdf, infographic, png or docx."),
            content_type="text/plain; charset=utf-8",
        )
    form = PurposeForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("State the purpose of the export (at least 5 characters)."))
        query = exports.list_query(request)
        return redirect(f"{request.path}?{query.urlencode()}")
    if not reauth.recent(request):
        return reauth.ask(request)
    services.report_exported(
        actor=request.user,
        years=years,
        fmt=fmt,
        purpose=form.cleaned_data["doel"],
        request=request,
    )
    title = _("Yearly report %(first)s-%(last)s") % {"first": years.start, "last": years.stop - 1}
    last = years.stop - 1
    if fmt == "csv":
        body = files.csv_text(sections, years, user=request.user).encode()
    elif fmt == "xlsx":
        body = files.xlsx(sections, years, user=request.user, title=title)
    elif fmt == "pdf":
        public = selectors.public_report(years=years)
        texts = selectors.narratives(last)
        body = files.pdf(public, years, title=title, year=last, narratives=texts)
    elif fmt == "docx":
        # The letter compares the last year with the one before, whatever the span.
        pair = selectors.public_report(years=range(last - 1, last + 1))
        body = council_letter.render(pair, last, selectors.narratives(last))
    else:
        public = selectors.public_report(years=years)
        pdf, png = charts.infographic(public, year_labels(years), last)
        body = png if fmt == "png" else pdf
    day = f"{timezone.localdate():%Y-%m-%d}"
    name = f"jaarverslag-{years.start}-{last}-{day}.{SUFFIX.get(fmt, fmt)}"
    return sandboxed_bytes(body, filename=name, content_type=CONTENT_TYPES[fmt])


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
    labels = year_labels(years) if years else []
    context = {
        "form": form,
        "years": labels,
        "differences": snapshot.differences(sections, labels) if years else [],
        **(_year_context(request, years.stop - 1, sections) if years else {}),
        "sections": sections,
        "anything": any(not t.empty for section in sections for t in section.tables),
        "filters": exports.filter_params(request)
        or [(k, str(v)) for k, v in default_span().items()],
    }
    return render(request, "reporting/report.html", context)


def _year_context(request, year: int, sections) -> dict:
    """The last year of the span: its status, its narratives and what may be done."""
    row = selectors.report_year(year)
    adopted = bool(row and row.status == YearStatus.ADOPTED)
    texts = selectors.narratives(year)
    writable = selectors.may_write(request.user) and not adopted
    for section in sections:
        narrative = texts.get(section.key)
        section.narrative = narrative
        section.form = NarrativeForm(initial={"text": narrative.text if narrative else ""})
        section.form.auto_id = f"id_{section.key}_%s"
        # Five text boxes on one page: each says which theme it is for.
        section.form.fields["text"].label = _("Narrative: %(theme)s") % {"theme": section.title}
    return {
        "year": year,
        "report_year": row,
        "adopted": adopted,
        "may_write": writable,
        "may_adopt": writable and year < timezone.localdate().year,
        "adopt_form": AdoptForm(),
    }


@login_required
@require_POST
def narrative_save(request, year: int, theme: str):
    if not selectors.may_write(request.user) or theme not in dict(THEMES) or not _known(year):
        refuse(user=request.user, label="reporting.reportyear", request=request)
    form = NarrativeForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.narrative_save(
                actor=request.user, year=year, theme=theme, text=form.cleaned_data["text"]
            ),
            _("The narrative has been saved."),
        )
    else:
        messages.error(request, " ".join(form.errors["text"]))
    return redirect(_span_url(request, year) + f"#toelichting-{theme}")


@login_required
@require_POST
def year_adopt(request, year: int):
    if not selectors.may_write(request.user) or not _known(year):
        refuse(user=request.user, label="reporting.reportyear", request=request)
    if AdoptForm(request.POST).is_valid():
        attempt(
            request,
            lambda: services.year_adopt(actor=request.user, year=year),
            _("The report of %(year)s has been adopted.") % {"year": year},
        )
    else:
        messages.error(request, _("Tick the confirmation to adopt the year."))
    return redirect(_span_url(request, year))


def _known(year: int) -> bool:
    return FIRST_YEAR <= year <= timezone.localdate().year


def _span_url(request, year: int) -> str:
    first = request.POST.get("van", "")
    first = int(first) if first.isdigit() and int(first) <= year else year
    return reverse("reporting:report") + f"?van={first}&tot={year}"


@login_required
@require_http_methods(["GET"])
def overview(request):
    """The mayor's and management's overview: aggregates only, each chart with its table."""
    if not selectors.may_view(request.user):
        refuse(user=request.user, label="reporting.reportyear", request=request)
    grids = selectors.overview(user=request.user, request=request)
    queue = mayor_queue(user=request.user)
    context = {
        "grids": grids,
        "queue": queue[:25],
        "queue_count": queue.count(),
        "charts": [
            {
                "id": f"chart-{g.key}",
                "table": f"tabel-{g.key}",
                "kind": g.chart,
                "columns": g.columns if g.chart == "line" else g.columns[:-1],
            }
            for g in grids
            if g.chart and not g.empty
        ],
    }
    return render(request, "reporting/overview.html", context)
