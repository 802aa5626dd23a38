"""Project-level page "Mijn taken": the case tasks given to the user, across the cases they
may still see. Project wiring like ``views.py``: the cases app keeps the tasks and marks one
done (``cases:task_done``); no app imports this module."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from weerbaar.cases.selectors import open_tasks


@login_required
@require_http_methods(["GET"])
def my_tasks(request):
    page = Paginator(open_tasks(user=request.user), 25).get_page(request.GET.get("pagina"))
    return render(request, "accounts/my_tasks.html", {"page": page, "query": ""})
