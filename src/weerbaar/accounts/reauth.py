"""Confirming one's identity again in a running session (SECURITY.md P29), before an export
or a reveal. A password where the account has one, else a code of the second factor. Five
failures in a row end the session: whoever sits at an unlocked screen gets no sixth try."""

from django.contrib.auth import logout
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.services import audit_record
from weerbaar.core import reauth

FAILURES_KEY = "weerbaar_reauth_failures"
MAX_FAILURES = 5


def asks_code(user: User) -> bool:
    """An account without a password of its own (municipal login) confirms with a code."""
    return not user.has_usable_password()


def _matches(user: User, secret: str) -> bool:
    if not asks_code(user):
        return user.check_password(secret)
    return any(
        device.verify_token(secret)
        for device in TOTPDevice.objects.filter(user=user, confirmed=True)
    )


def reauthenticate(*, request, user: User, secret: str) -> bool:
    """True when ``secret`` confirms ``user``; audited either way. After ``MAX_FAILURES``
    failures in a row the session ends (the caller then finds the user logged out)."""
    ok = bool(secret) and _matches(user, secret)
    audit_record(
        actor=user,
        action=AuditAction.REAUTHENTICATED,
        request=request,
        result=AuditResult.ALLOWED if ok else AuditResult.DENIED,
    )
    if ok:
        request.session[FAILURES_KEY] = 0
        reauth.mark(request)
        return True
    failures = request.session.get(FAILURES_KEY, 0) + 1
    request.session[FAILURES_KEY] = failures
    if failures >= MAX_FAILURES:
        logout(request)
    return False
