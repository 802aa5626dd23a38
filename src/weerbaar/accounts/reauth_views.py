"""The page that asks for the password again before an export or a reveal (P29)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.accounts import services
from weerbaar.accounts.forms import ReauthForm
from weerbaar.accounts.reauth import asks_code


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else "/"


@login_required
@require_http_methods(["GET", "POST"])
def reauth(request):
    code = asks_code(request.user)
    form = ReauthForm(request.POST or None, code=code)
    target = _next(request)
    if request.method == "POST" and form.is_valid():
        secret = form.cleaned_data["secret"]
        if services.reauthenticate(request=request, user=request.user, secret=secret):
            return redirect(target)
        if not request.user.is_authenticated:
            messages.error(request, _("Too many wrong attempts: you have been logged out."))
            return redirect("accounts:login")
        form.add_error("secret", _("That is not right. Try again."))
    context = {"form": form, "next": target, "back": target.split("?")[0], "code": code}
    return render(request, "accounts/reauth.html", context)
