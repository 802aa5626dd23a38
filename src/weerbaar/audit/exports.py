"""The one way a list page hands out its rows as a file: checked, counted, audited, written.

A list view calls ``list_export`` with the queryset its page shows, so the file holds exactly
what the user may see with the filters they chose. The export is recorded (``export.made``)
with the list's name, the format, the filters, the number of rows and the purpose the user
gave, before the first byte is sent.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from weerbaar.audit import selectors, services
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core import exports, reauth


def _back(request):
    """The list again with its filters, without the export's own parameters."""
    query = urlencode(exports.filter_params(request))
    return redirect(f"{request.path}?{query}" if query else request.path)


def _ask_second_person(request, name, title, fmt, purpose, filters, count):
    services.export_request_make(
        actor=request.user,
        request=request,
        list_name=name,
        title=title,
        fmt=fmt,
        purpose=purpose,
        filters=filters,
        rows=count,
    )
    messages.info(
        request,
        _(
            "This export has %(count)s rows. An export of more than %(max)s rows needs the "
            "approval of a second person; your request waits under Export requests, where "
            "you download it once it is approved."
        )
        % {"count": count, "max": settings.EXPORT_FOUR_EYES_ROWS},
    )
    return _back(request)


def list_export(request, *, name: str, title, columns: list[exports.Column], rows):
    """The file of ``rows`` (a queryset, need-to-know applied) in the requested format.

    An unknown format is a bad request (never the page as HTML); a missing purpose or a list
    longer than ``exports.MAX_ROWS`` sends the user back to the list with a message."""
    if not exports.known_format(request):
        return HttpResponseBadRequest(
            _("Unknown export format: choose csv or xlsx."),
            content_type="text/plain; charset=utf-8",
        )
    form = exports.ExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("State the purpose of the export (at least 5 characters)."))
        return _back(request)
    if not reauth.recent(request):
        return reauth.ask(request)
    count = rows.count()
    if count > exports.MAX_ROWS:
        messages.error(
            request,
            _(
                "This list has %(count)s rows; an export holds at most %(max)s. "
                "Narrow the filters and export again."
            )
            % {"count": count, "max": exports.MAX_ROWS},
        )
        return _back(request)
    fmt, purpose = form.cleaned_data["format"], form.cleaned_data["doel"]
    filters = exports.filter_params(request)
    approval = None
    if count > settings.EXPORT_FOUR_EYES_ROWS:
        approval = selectors.approved_export(
            user=request.user, request=request, fmt=fmt, filters=filters
        )
        if approval is None or count > approval.rows:
            return _ask_second_person(request, name, title, fmt, purpose, filters, count)
        services.export_request_use(export=approval)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT_MADE,
        request=request,
        purpose=purpose,
        extra={
            "list": name,
            "format": fmt,
            "rows": count,
            "filters": dict(filters),
            "approved_by": approval.decided_by_id if approval else None,
        },
    )
    return exports.response(
        fmt=fmt, user=request.user, title=title, filename=name, columns=columns, rows=rows
    )


def offer(request) -> dict:
    """What the list's export block needs: the form and the filters it sends along."""
    return {
        "export_form": exports.ExportForm(),
        "export_params": exports.filter_params(request),
        "export_four_eyes": settings.EXPORT_FOUR_EYES_ROWS,
    }
