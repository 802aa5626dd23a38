import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from weerbaar.accounts.otp import otp_required

OTP_OPEN_ROUTES = ("accounts:otp_verify", "accounts:otp_enroll", "accounts:logout")


class SessionLimitsMiddleware:
    """End a session after the absolute limit, however active it was (ASVS 7.3.2)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = request.session.get("auth_started") if request.user.is_authenticated else None
        limit = settings.SESSION_ABSOLUTE_HOURS * 3600
        if started is not None and time.time() - started > limit:
            logout(request)
        return self.get_response(request)


class RequireOTPMiddleware:
    """Send users whose role requires a second factor to verify (or enrol) before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.open_paths: tuple[str, ...] | None = None

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and otp_required(user):
            if self.open_paths is None:
                self.open_paths = tuple(reverse(name) for name in OTP_OPEN_ROUTES)
            if request.path not in self.open_paths and not request.path.startswith("/static/"):
                if request.path.startswith("/api/"):
                    from django.http import JsonResponse

                    return JsonResponse({"detail": "Tweede factor vereist."}, status=403)
                has_device = user.totpdevice_set.filter(confirmed=True).exists()
                return redirect("accounts:otp_verify" if has_device else "accounts:otp_enroll")
        return self.get_response(request)
