"""The map page and the building outlines it draws; every count read through
``selectors.area_map``."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.lookup import refuse
from weerbaar.core.area_map import places as map_places
from weerbaar.reporting import geography, selectors
from weerbaar.reporting.forms import BoxForm, MapForm

BUILDINGS_LIMIT = 12_000  # outlines in one answer; more: the page asks to zoom in


def _tile_source(url: str) -> str:
    """The origin the map's tiles come from, for the page's Content-Security-Policy; a
    ``{s}`` subdomain becomes a wildcard."""
    parts = urlsplit(url)
    host = parts.netloc.replace("{s}.", "*.")
    return f"{parts.scheme}://{host}"


@login_required
@require_http_methods(["GET"])
def area_map(request):
    if not selectors.may_view(request.user):
        refuse(user=request.user, label="reporting.reportyear", request=request)
    layer = (
        request.GET.get("laag") if request.GET.get("laag") in geography.layers() else "meldingen"
    )
    levels = geography.levels_for(request.user, layer)
    defaults = {"laag": layer, "jaar": timezone.localdate().year, "niveau": "pc4"}
    form = MapForm(
        {**defaults, **request.GET.dict()} if request.GET else defaults,
        layers={k: v.title for k, v in geography.layers().items()},
        levels=levels,
    )
    data = None
    if form.is_valid():
        data = selectors.area_map(
            user=request.user,
            layer=form.cleaned_data["laag"],
            year=form.cleaned_data["jaar"],
            level=form.cleaned_data["niveau"],
            request=request,
        )
    tiles, extent = settings.MAP_TILE_URL, map_places().extent()
    context = {
        "form": form,
        "data": data,
        "extent": extent,
        "drawing": {
            "areas": [a.as_json() for a in data.areas] if data else [],
            "extent": extent,
            "tiles": tiles,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "messages": {
                "zoom_in": _("Zoom in"),
                "zoom_out": _("Zoom out"),
                "zoom": _("Zoom in to see the buildings."),
                "too_many": _("Too many buildings to draw here: zoom in."),
            },
        },
        "layer_title": geography.layers()[layer].title,
    }
    response = render(request, "reporting/map.html", context)
    if tiles:
        response._csp_update = {"img-src": [_tile_source(tiles)]}
    return response


@login_required
@require_http_methods(["GET"])
def map_buildings(request):
    """The BAG outlines in the box the map shows (public registry data, no person), as
    ``{"outlines": [[[lon, lat], ...], ...]}``, or ``{"too_many": true}``."""
    if not selectors.may_view(request.user):
        refuse(user=request.user, label="reporting.reportyear", request=request)
    form = BoxForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            " ".join(form.errors.get("bbox", [])), content_type="text/plain; charset=utf-8"
        )
    found = map_places().buildings(form.cleaned_data["bbox"], limit=BUILDINGS_LIMIT)
    if found is None:
        return HttpResponse('{"too_many":true}', content_type="application/json")
    # The stored outlines are JSON already: joined, not parsed and written again.
    body = '{"outlines":[' + ",".join(outline for _id, _year, outline in found) + "]}"
    return HttpResponse(body, content_type="application/json")
