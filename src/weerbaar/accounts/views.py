import base64

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts import services
from weerbaar.accounts.api_keys import has_second_factor
from weerbaar.accounts.forms import ApiKeyForm, LoginForm, TokenForm
from weerbaar.accounts.otp import otp_required
from weerbaar.accounts.selectors import inbox as inbox_list
from weerbaar.accounts.selectors import team_list, token_list, user_roles
from weerbaar.core.forms import form_submit


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        services.login_succeeded(request=self.request, user=form.get_user())
        return response

    def form_invalid(self, form):
        services.login_failed(request=self.request, username=form.data.get("username", ""))
        return super().form_invalid(form)


@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        services.logged_out(request=request, user=request.user)
    logout(request)
    response = redirect("accounts:login")
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        services.password_changed(request=self.request, user=self.request.user)
        messages.success(self.request, _("Your password has been changed."))
        return response

    def get_success_url(self):
        from django.urls import reverse

        return reverse("accounts:profile")


def _profile(request, *, new_token: str = "", key_form=None, status: int = 200):
    return render(
        request,
        "accounts/profile.html",
        {
            "roles": user_roles(user=request.user),
            "teams": team_list(user=request.user),
            "has_otp": has_second_factor(request.user),
            "otp_required": otp_required(request.user),
            "tokens": token_list(user=request.user),
            "key_form": key_form or ApiKeyForm(),
            # Shown in this one answer and kept nowhere, not even in the session.
            "new_token": new_token,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def profile(request):
    return _profile(request)


@login_required
@require_POST
def token_renew(request):
    return form_submit(
        ApiKeyForm(request.POST),
        lambda d: services.token_issue(actor=request.user, scope=d["scope"]),
        done=lambda key: _profile(request, new_token=key),
        again=lambda form, status: _profile(request, key_form=form, status=status),
    )


@login_required
@require_POST
def token_revoke(request):
    services.tokens_revoke(actor=request.user, user=request.user)
    messages.success(request, _("Your API keys have been withdrawn."))
    return redirect("accounts:profile")


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return base64.b64encode(image.to_string()).decode()


@login_required
@require_http_methods(["GET", "POST"])
def otp_enroll(request):
    device = services.otp_device_pending(user=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        if services.otp_device_confirm(
            request=request, user=request.user, device=device, token=token
        ):
            messages.success(request, _("The second factor has been set up."))
            return redirect("home")
        form.add_error("token", _("This code is not right. Check the time on your phone."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/otp_enroll.html",
        {"form": form, "qr": _qr_svg(device.config_url), "secret": secret},
    )


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.otp_verify(
            request=request, user=request.user, token=form.cleaned_data["token"]
        ):
            return redirect("home")
        form.add_error("token", _("This code is not right. Try the next code."))
    return render(request, "accounts/otp_verify.html", {"form": form})


@login_required
@require_http_methods(["GET"])
def inbox(request):
    page = Paginator(inbox_list(user=request.user), 25).get_page(request.GET.get("pagina"))
    response = render(request, "accounts/inbox.html", {"page": page, "query": ""})
    # Shown is read: marked after rendering, so this page still highlights what was new.
    services.notifications_mark_read(user=request.user)
    return response
