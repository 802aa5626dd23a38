from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from weerbaar.accounts.lookup import parse_uuid
from weerbaar.cases.selectors import case_file_get
from weerbaar.core import reauth
from weerbaar.core.http import sandboxed_bytes
from weerbaar.network import ftm, selectors, services
from weerbaar.network.forms import LAYOUTS, FilterForm, PictureForm
from weerbaar.subjects.selectors import subject_get

STARTS = ("subject", "signal", "case")


def _require(user):
    if not selectors.may_use(user):
        raise Http404


def _start(request) -> tuple[str, object] | None:
    for kind in STARTS:
        if kind in request.GET:
            object_id = parse_uuid(request.GET[kind])
            if object_id is None:
                raise Http404
            return kind, object_id
    return None


FILTER_PARAMS = ("soort", "vanaf", "tot", "betrouwbaarheid")


def _dated(data: dict) -> list[dict]:
    """The relations as the table shows them: by their start, with the names of both ends."""
    names = {n["id"]: n["label"] for n in data["nodes"]}
    rows = [
        {**e, "from_label": names.get(e["source"], ""), "to_label": names.get(e["target"], "")}
        for e in data["edges"]
    ]
    return sorted(rows, key=lambda e: (e["from"] or "0000", e["label"]))


def _config(request, kind: str, object_id, data: dict) -> dict:
    filters = [(k, v) for k in FILTER_PARAMS for v in request.GET.getlist(k)]
    return {
        "graph": data,
        "start": f"{kind}:{object_id}",
        "filters": urlencode(filters),
        "back": request.get_full_path(),
        "urls": {
            "expand": reverse("network:expand"),
            "path": reverse("network:path"),
            "picture": reverse("network:picture"),
        },
        "messages": {
            "expanded": _("%(label)s expanded: %(n)s relations."),
            "more": _("%(n)s more relations are not drawn; narrow the filters."),
            "path": _("Shortest path: %(n)s relations."),
            "picture": _("The picture has been saved."),
            "failed": _("That did not work; try again."),
            "present": _("present"),
            "reauth": _("Confirm who you are"),
        },
    }


@login_required
@require_GET
def network(request):
    """The network around a subject, signal or case: a drawing and the same graph as tables."""
    _require(request.user)
    form = FilterForm(request.GET)
    filters = form.filters()
    begin = _start(request)
    context = {"form": form, "layouts": LAYOUTS, "graph": None}
    if begin:
        kind, object_id = begin
        record, graph = selectors.start(
            user=request.user, kind=kind, object_id=object_id, filters=filters, request=request
        )
        data = graph.as_json()
        context |= dict(
            record=record,
            start_kind=kind,
            start_id=object_id,
            graph=data,
            subjects=sorted(
                (n for n in data["nodes"] if n["kind"] not in ("signal", "case")),
                key=lambda n: n["label"],
            ),
            edges=_dated(data),
            config=_config(request, kind, object_id, data),
        )
    return render(request, "network/network.html", context)


@login_required
@require_GET
def expand(request):
    """One subject's relations as JSON, for the drawing; reading it is reading the subject."""
    _require(request.user)
    subject = subject_get(user=request.user, subject_id=request.GET.get("subject"), request=request)
    graph = selectors.expand(
        user=request.user,
        graph=selectors.Graph(),
        subjects=[subject],
        filters=FilterForm(request.GET).filters(),
    )
    return JsonResponse(graph.as_json())


@login_required
@require_GET
def shortest(request):
    """The shortest chain of relations between two subjects the user may see, as JSON."""
    _require(request.user)
    one = subject_get(user=request.user, subject_id=request.GET.get("van"), request=request)
    other = subject_get(user=request.user, subject_id=request.GET.get("naar"), request=request)
    try:
        graph = selectors.shortest_path(
            user=request.user, one=one, other=other, filters=FilterForm(request.GET).filters()
        )
    except selectors.PathTooWide:
        message = _("The search became too wide before it found a chain; narrow the filters.")
        return JsonResponse({"found": False, "message": message})
    if graph is None:
        message = _("No chain of at most %(n)s relations joins these two.") % {
            "n": selectors.PATH_DEPTH
        }
        return JsonResponse({"found": False, "message": message})
    return JsonResponse({"found": True, **graph.as_json()})


@login_required
@require_POST
def picture(request):
    """Record a picture of the network before the browser saves it (P29: confirmed first)."""
    _require(request.user)
    form = PictureForm(request.POST)
    if not form.is_valid():
        message = _("State the purpose of the picture (at least 5 characters).")
        return JsonResponse({"message": message}, status=400)
    start = selectors.start_object(
        user=request.user, start=form.cleaned_data["start"], request=request
    )
    if not reauth.recent(request):
        back = request.POST.get("terug", "")
        target = back if back.startswith("/netwerk/") else reverse("network:network")
        url = f"{reverse('accounts:reauth')}?{urlencode({'next': target})}"
        message = _("Confirm who you are first; then make the picture again.")
        return JsonResponse({"message": message, "reauth": url}, status=401)
    data = form.cleaned_data
    services.network_exported(
        actor=request.user,
        start=start,
        fmt=data["format"],
        purpose=data["doel"],
        nodes=data["nodes"],
        edges=data["edges"],
        request=request,
    )
    return JsonResponse({"ok": True})


# Handing the network over: what the reader sees when they open the network, as a file
# another tool reads (FollowTheMoney for OpenAleph and the RIEC/OSINT world); made after the
# reader states its purpose and confirms who they are, and recorded like a picture.
FORMATS = {"ftm": ("application/json", "ftm.json")}


@login_required
@require_GET
def handover(request):
    _require(request.user)
    begin = _start(request)
    fmt = request.GET.get("formaat", "ftm")
    if begin is None or fmt not in FORMATS:
        raise Http404
    kind, object_id = begin
    filters = FilterForm(request.GET).filters()
    record, graph = selectors.start(
        user=request.user, kind=kind, object_id=object_id, filters=filters, request=request
    )
    purpose = request.GET.get("doel", "").strip()[:200]
    if len(purpose) < 5:
        error = _("State the purpose of the export (at least 5 characters).")
        context = {"record": record, "kind": kind, "object_id": object_id, "fmt": fmt,
                   "nodes": len(graph.nodes), "edges": len(graph.edges), "purpose": purpose,
                   "filters": [(k, v) for k in FILTER_PARAMS for v in request.GET.getlist(k)],
                   "error": error if "doel" in request.GET else ""}  # fmt: skip
        return render(request, "network/handover.html", context)
    if not reauth.recent(request):
        return reauth.ask(request)
    case = None
    if kind == "case":  # read once already, by ``start``
        case = case_file_get(user=request.user, case_id=object_id, audit=False)
    found = ftm.entities(graph, user=request.user, record=record, case=case)
    start = selectors.start_object(user=request.user, start=f"{kind}:{object_id}")
    services.network_exported(
        actor=request.user, start=start, fmt=fmt, purpose=purpose, nodes=len(graph.nodes),
        edges=len(graph.edges), request=request,
    )  # fmt: skip
    content_type, suffix = FORMATS[fmt]
    label = record.get("label", "netwerk") if kind != "subject" else "netwerk"
    return sandboxed_bytes(ftm.as_lines(found), filename=f"{label}-{suffix}",
                           content_type=content_type)  # fmt: skip
