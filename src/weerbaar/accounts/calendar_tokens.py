"""The personal link of a user's deadline calendar: issue, revoke, find, and the fetch record.

The link holds ``<prefix>.<secret>``; only the prefix and an HMAC of the whole key are stored
(as for API keys, ``accounts.tokens``), under a salt of its own, so an API key never opens a
calendar nor the other way round. A calendar program fetches without a session, so the link
is the only proof: it ends when its owner renews or revokes it, and when the account is
deactivated. Re-exported by ``accounts.services``.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from weerbaar.accounts import tokens
from weerbaar.accounts.access import is_active_user
from weerbaar.accounts.models import CalendarToken, User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record

SALT = "weerbaar.accounts.calendar-token"
# A calendar program asks every few minutes to hours; one audit row per fetch is what the
# trail keeps (a fetch reads deadlines), the last use on the row once a minute at most.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _hash(key: str, secret: str | None = None) -> str:
    from django.conf import settings

    return salted_hmac(
        SALT, key, secret=secret or settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()


def _matches(key: str, stored: str) -> bool:
    from django.conf import settings

    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(constant_time_compare(_hash(key, k), stored) for k in keys)


def _end(user: User) -> int:
    live = CalendarToken.objects.filter(user=user, revoked_at__isnull=True)
    return live.update(revoked_at=timezone.now())


@transaction.atomic
def calendar_token_issue(*, actor: User) -> str:
    """A new calendar link key for ``actor``, ending the previous one; returned once."""
    if not is_active_user(actor):
        raise ValidationError(_("This account cannot have a calendar link."))
    ended = _end(actor)
    prefix, key = tokens.new_key()
    token = CalendarToken(user=actor, prefix=prefix, key_hash=_hash(key))
    token.full_clean()
    token.save()
    audit_record(
        actor=actor,
        action=AuditAction.CALENDAR_TOKEN_CREATED,
        obj=actor,
        new={"prefix": prefix, "ended": ended},
    )
    return key


@transaction.atomic
def calendar_token_revoke(*, actor: User) -> int:
    """End ``actor``'s calendar link; returns how many were live."""
    ended = _end(actor)
    audit_record(
        actor=actor, action=AuditAction.CALENDAR_TOKEN_REVOKED, obj=actor, new={"ended": ended}
    )
    return ended


def calendar_token_user(key: str) -> User | None:
    """The owner of the live link ``key``, when they are active; None for anything else
    (malformed, unknown, revoked, deactivated), whatever the cause."""
    prefix = tokens.split_key(key or "")
    token = (
        CalendarToken.objects.select_related("user")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
        if prefix
        else None
    )
    if token is None or not _matches(key, token.key_hash) or not is_active_user(token.user):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        CalendarToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def calendar_fetched(*, user: User, request, count: int) -> None:
    """One row per fetch of the calendar: who, when, how many deadlines it held."""
    audit_record(
        actor=user,
        action=AuditAction.CALENDAR_FETCHED,
        obj=user,
        request=request,
        new={"deadlines": count},
    )
