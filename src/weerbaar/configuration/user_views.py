"""The users page of the settings: accounts, their roles and teams, and the role requests
that wait for a second person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts import services as accounts
from weerbaar.accounts.constants import GrantStatus, Role
from weerbaar.configuration import selectors, services
from weerbaar.configuration.user_forms import AccountForm, ActiveForm, NewAccountForm, UserFindForm
from weerbaar.core.forms import attempt, form_submit


def _require(user):
    if not selectors.may_manage_users(user):
        raise Http404


def _waiting_note(request, roles):
    if roles:
        names = ", ".join(str(Role(r).label) for r in roles)
        messages.info(
            request,
            _("Waiting for the approval of a second person: %(roles)s.") % {"roles": names},
        )


@login_required
@require_http_methods(["GET"])
def user_list(request):
    _require(request.user)
    find = UserFindForm(request.GET or None)
    data = find.cleaned_data if find.is_valid() else {}
    rows = selectors.users_list(
        user=request.user,
        q=data.get("q", ""),
        role=data.get("role", ""),
        active=data.get("active", ""),
    )
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "configuration/users.html",
        {
            "find": find,
            "page": page,
            "query": query.urlencode(),
            "grants": selectors.grants_pending(user=request.user),
            "roles": dict(Role.choices),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_create(request):
    _require(request.user)
    form = NewAccountForm(request.POST or None)

    def done(result):
        user, waiting = result
        messages.success(
            request, _("The account %(name)s has been made.") % {"name": user.username}
        )
        _waiting_note(request, waiting)
        return redirect("configuration:users")

    def again(form, status):
        return render(request, "configuration/user_edit.html", {"form": form}, status=status)

    if request.method == "POST":
        return form_submit(
            form,
            lambda data: services.account_create(actor=request.user, data=data),
            done=done,
            again=again,
        )
    return again(form, 200)


def _edit_context(account, form):
    return {
        "account": account,
        "form": form,
        "active_form": ActiveForm(),
        "waiting": account.role_requests.filter(status=GrantStatus.PENDING),
    }


@login_required
@require_http_methods(["GET", "POST"])
def user_edit(request, account_id):
    user = request.user
    account = selectors.account_get(user=user, account_id=account_id, request=request)
    initial = {
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email": account.email,
        "organisation": account.organisation,
        "roles": sorted(account.role_names()),
        "teams": list(account.teams.all()),
    }
    form = AccountForm(request.POST or None, initial=initial)

    def done(waiting):
        messages.success(
            request, _("The account %(name)s has been saved.") % {"name": account.username}
        )
        _waiting_note(request, waiting)
        return redirect("configuration:user", account_id=account.uuid)

    def again(form, status):
        return render(
            request, "configuration/user_edit.html", _edit_context(account, form), status=status
        )

    if request.method == "POST":
        return form_submit(
            form,
            lambda data: services.account_update(actor=user, user=account, data=data),
            done=done,
            again=again,
        )
    return again(form, 200)


@login_required
@require_POST
def user_active(request, account_id):
    account = selectors.account_get(user=request.user, account_id=account_id, request=request)
    if not ActiveForm(request.POST).is_valid():
        messages.error(request, _("Tick that you are sure."))
        return redirect("configuration:user", account_id=account.uuid)
    active = not account.is_active
    attempt(
        request,
        lambda: accounts.user_set_active(actor=request.user, user=account, active=active),
        _("The account can be used again.")
        if active
        else _("The account has been deactivated; its API keys no longer work."),
    )
    return redirect("configuration:user", account_id=account.uuid)


@login_required
@require_POST
def grant_decide(request, grant_id):
    grant = selectors.grant_get(user=request.user, grant_id=grant_id, request=request)
    approve = request.POST.get("decision") == "approve"
    decide = accounts.role_grant_approve if approve else accounts.role_grant_refuse
    attempt(
        request,
        lambda: decide(actor=request.user, grant=grant),
        _("The role has been given.") if approve else _("The request has been refused."),
    )
    return redirect("configuration:users")
