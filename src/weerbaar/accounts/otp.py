"""When a second factor is required (per role, by the OTP_REQUIRED_ROLES setting)."""

from django.conf import settings


def otp_required(user) -> bool:
    required = set(settings.OTP_REQUIRED_ROLES)
    if not required or not user.is_authenticated:
        return False
    if "*" in required:
        return True
    return bool(required & user.role_names())
