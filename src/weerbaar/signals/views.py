from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from weerbaar.signals import selectors
from weerbaar.signals.constants import SignalStatus


@login_required
@require_http_methods(["GET"])
def signal_list(request):
    if not selectors.may_see_signals(request.user):
        raise Http404
    status = request.GET.get("status", "")
    status = status if status in SignalStatus.values else ""
    page = Paginator(selectors.signal_list(user=request.user, status=status), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "signals/list.html",
        {"page": page, "status": status, "statuses": SignalStatus.choices},
    )


@login_required
@require_http_methods(["GET"])
def signal_detail(request, signal_id):
    signal = selectors.signal_get(user=request.user, signal_id=signal_id, request=request)
    return render(request, "signals/detail.html", {"signal": signal})
