"""Public API of the accounts app for API keys: issue, revoke, and what a request may do.

A key is bound to its owner's second factor like a session is: it is issued only to a user
who has a confirmed device when their role requires one, and a request with it is refused
when that device has gone (``token_refusal``).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts import tokens
from weerbaar.accounts.access import is_active_user
from weerbaar.accounts.constants import TokenEnd, TokenScope
from weerbaar.accounts.models import ApiToken, User
from weerbaar.accounts.otp import otp_required
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# Recording every use would write a row per API call; once a minute is enough to review.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def has_second_factor(user: User) -> bool:
    return user.totpdevice_set.filter(confirmed=True).exists()


def end_tokens(*, user: User, reason: TokenEnd) -> int:
    """End every live key of ``user``; for services that audit the cause themselves."""
    live = ApiToken.objects.filter(user=user, revoked_at__isnull=True)
    return live.update(revoked_at=timezone.now(), revoked_reason=reason)


@transaction.atomic
def token_issue(*, actor: User, scope: str) -> str:
    """A new key for ``actor``, ending the previous ones; the key is returned once."""
    if not is_active_user(actor):
        raise ValidationError(_("This account cannot have an API key."))
    if otp_required(actor) and not has_second_factor(actor):
        raise ValidationError(_("Your role requires a second factor; set it up first."))
    scope = TokenScope(scope)
    end_tokens(user=actor, reason=TokenEnd.RENEWED)
    prefix, key = tokens.new_key()
    token = ApiToken(
        user=actor,
        prefix=prefix,
        key_hash=tokens.key_hash(key),
        password_mark=tokens.password_mark(actor),
        scope=scope,
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_DAYS),
    )
    token.full_clean()
    token.save()
    audit_record(
        actor=actor,
        action=AuditAction.TOKEN_CREATED,
        obj=actor,
        new={"prefix": prefix, "scope": scope.value, "expires_at": token.expires_at},
    )
    return key


@transaction.atomic
def tokens_revoke(*, actor: User, user: User, reason: TokenEnd = TokenEnd.BY_USER) -> int:
    """End ``user``'s live keys (their own wish, or the beheerder's); returns how many."""
    revoked = end_tokens(user=user, reason=reason)
    audit_record(
        actor=actor,
        action=AuditAction.TOKEN_REVOKED,
        obj=user,
        new={"reason": TokenEnd(reason).value, "tokens_revoked": revoked},
    )
    return revoked


def token_find(key: str) -> ApiToken | None:
    """The live key matching ``key``: right secret, not revoked, not expired, issued under
    the owner's current password, owner active. None for anything else, whatever the cause,
    so an answer tells a caller nothing about which part was wrong."""
    prefix = tokens.split_key(key)
    token = (
        ApiToken.objects.select_related("user").filter(prefix=prefix).first() if prefix else None
    )
    if token is None or not tokens.key_matches(key, token.key_hash):
        return None
    usable = (
        token.revoked_at is None
        and token.expires_at > timezone.now()
        and is_active_user(token.user)
        and tokens.password_unchanged(token.user, token.password_mark)
    )
    return token if usable else None


def token_used(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def token_refusal(token: ApiToken, *, method: str) -> str | None:
    """Why a request with this key may not go ahead, or None when it may."""
    if otp_required(token.user) and not has_second_factor(token.user):
        return _("Second factor required.")
    if token.scope == TokenScope.READ and method not in SAFE_METHODS:
        return _("This API key may only read.")
    return None
