import base64

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts import services
from weerbaar.accounts.api_keys import has_second_factor
from weerbaar.accounts.forms import ApiKeyForm, LoginForm, NotificationSettingsForm, TokenForm
from weerbaar.accounts.otp import otp_required
from weerbaar.accounts.selectors import (
    calendar_token_live,
    team_list,
    token_list,
    unread_count,
    user_roles,
)
from weerbaar.accounts.selectors import inbox as inbox_list
from weerbaar.core.forms import attempt, form_submit

# The calendar's route is project wiring (its events come from the interventions app).
FEED_ROUTE = "deadline_feed"


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


def _profile(
    request,
    *,
    new_token: str = "",
    key_form=None,
    status: int = 200,
    new_calendar: str = "",
    mail_form=None,
):
    mail_initial = {"email_notifications": request.user.email_notifications}
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
            "calendar": calendar_token_live(user=request.user),
            "new_calendar_url": request.build_absolute_uri(reverse(FEED_ROUTE, args=[new_calendar]))
            if new_calendar
            else "",
            "mail_form": mail_form or NotificationSettingsForm(initial=mail_initial),
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
    return render(
        request,
        "accounts/inbox.html",
        {"page": page, "query": "", "unread": unread_count(user=request.user)},
    )


@login_required
@require_POST
def inbox_read(request):
    services.notification_mark_read(user=request.user, notification_id=request.POST.get("id"))
    return redirect(_back_to_inbox(request))


@login_required
@require_POST
def inbox_read_all(request):
    services.notifications_mark_read(user=request.user)
    messages.success(request, _("All messages are marked as read."))
    return redirect("accounts:inbox")


def _back_to_inbox(request) -> str:
    page = request.POST.get("pagina", "")
    url = reverse("accounts:inbox")
    return f"{url}?pagina={int(page)}" if page.isdigit() else url


@login_required
@require_POST
def notification_settings(request):
    def done(user):
        if user.email_notifications and not user.email:
            messages.warning(
                request, _("Your account has no e-mail address; ask the application manager.")
            )
        messages.success(request, _("Your choice has been saved."))
        return redirect("accounts:profile")

    return form_submit(
        NotificationSettingsForm(request.POST),
        lambda d: services.notification_email_set(actor=request.user, on=d["email_notifications"]),
        done=done,
        again=lambda form, status: _profile(request, mail_form=form, status=status),
    )


@login_required
@require_POST
def calendar_renew(request):
    # A signed-in user is active: the service's refusal (an inactive account) cannot come here.
    return _profile(request, new_calendar=services.calendar_token_issue(actor=request.user))


@login_required
@require_POST
def calendar_revoke(request):
    attempt(
        request,
        lambda: services.calendar_token_revoke(actor=request.user),
        _("Your calendar link has been withdrawn; calendars using it no longer get updates."),
    )
    return redirect("accounts:profile")
