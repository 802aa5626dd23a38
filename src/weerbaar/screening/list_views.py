"""The pages of list screening: the checked lists, a new list, one list's lines. Every read
goes through the compartment's selectors, so a user outside it gets a missing page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.lookup import refuse
from weerbaar.core.forms import form_submit
from weerbaar.screening import selectors, services
from weerbaar.screening.constants import ADD_PERMISSION
from weerbaar.screening.list_forms import ListCheckForm, ListRowFilterForm

PAGE = 25


def _page(request, rows):
    query = request.GET.copy()
    query.pop("pagina", None)
    return Paginator(rows, PAGE).get_page(request.GET.get("pagina")), query.urlencode()


@login_required
@require_http_methods(["GET"])
def list_index(request):
    if not selectors.may_see_list_checks(request.user):
        refuse(user=request.user, label="screening.listcheck", request=request)
    page, query = _page(request, selectors.list_check_index(user=request.user))
    context = {"page": page, "query": query, "may_add": request.user.has_perm(ADD_PERMISSION)}
    return render(request, "screening/lists.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def list_new(request):
    if not request.user.has_perm(ADD_PERMISSION):
        refuse(user=request.user, label="screening.listcheck", request=request)
    form = ListCheckForm(request.POST or None, request.FILES or None)

    def done(checked):
        messages.success(request, _("The list has been checked."))
        return redirect("screening:list_detail", list_id=checked.uuid)

    def again(form, status):
        return render(request, "screening/list_new.html", {"form": form}, status=status)

    if request.method == "POST":
        return form_submit(
            form,
            lambda d: services.list_check(
                actor=request.user, title=d["title"], entries=d["entries"]
            ),
            done=done,
            again=again,
        )
    return again(form, 200)


@login_required
@require_http_methods(["GET"])
def list_detail(request, list_id):
    checked = selectors.list_check_get(user=request.user, list_id=list_id, request=request)
    form = ListRowFilterForm(request.GET or None)
    found_only = bool(form.is_valid() and form.cleaned_data["found"])
    rows = selectors.list_check_rows(checked_list=checked, found_only=found_only)
    page, query = _page(request, rows)
    context = {"checked": checked, "form": form, "page": page, "query": query}
    return render(request, "screening/list_detail.html", context)
