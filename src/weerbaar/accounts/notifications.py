"""Notifications: the in-app inbox, and the same message by e-mail for who has it on.

A message names what happened and where by reference only (``S-2026-0042``, ``C-2026-0007``)
and links to it; an unread message of the same kind and target for the same user is updated
(``count`` and ``last_at``) instead of repeated. The e-mail carries the kind, the reference
and the link, never the text of the inbox, so no content of a signal or case leaves the
application. Re-exported by ``accounts.services``.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from weerbaar.accounts.constants import NotificationKind
from weerbaar.accounts.models import Notification, NotificationSent, User


def _first_time(user: User, once: str) -> bool:
    """True the first time ``once`` is sent to ``user``; the mark stays."""
    try:
        with transaction.atomic():
            NotificationSent.objects.create(user=user, key=once[:100])
    except IntegrityError:
        return False
    return True


def _moment(day_only: bool):
    """Now, or the start of today where only the day may be kept (a public reporter's act)."""
    now = timezone.now()
    if not day_only:
        return now
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def _put(
    user: User, *, kind: str, target: str, text: str, url: str, day_only: bool
) -> Notification:
    """One message in the inbox: the unread one of this kind and target is brought up to date
    (one more time, the latest moment, text and link), else a new one is added."""
    now = _moment(day_only)
    if kind != NotificationKind.MESSAGE and target:
        earlier = (
            Notification.objects.select_for_update()
            .filter(user=user, kind=kind, target=target, read_at__isnull=True)
            .order_by("-id")
            .first()
        )
        if earlier is not None:
            Notification.objects.filter(pk=earlier.pk).update(
                count=F("count") + 1, last_at=now, text=text, url=url
            )
            return earlier
    note = Notification.objects.create(
        user=user, kind=kind, target=target, text=text, url=url, last_at=now
    )
    if day_only:  # the moment of creation is set on insert; keep the day only there too
        Notification.objects.filter(pk=note.pk).update(created_at=now)
    return note


def _mail(user: User, *, kind: str, target: str, url: str) -> None:
    if not (user.email_notifications and user.email):
        return
    link = f"{settings.SITE_URL}{url}" if url else settings.SITE_URL
    # In the interface's language, whoever's request (a reporter's, in English) caused it.
    with translation.override(settings.LANGUAGE_CODE):
        label = str(NotificationKind(kind).label)
        subject = f"{label}: {target}" if target else label
        body = "\n\n".join(
            [
                subject,
                _("Open it in Weerbaar: %(link)s") % {"link": link},
                _("You get this e-mail because you asked for it in your account."),
            ]
        )
    address = user.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [address], fail_silently=True))


@transaction.atomic
def notify(
    *,
    users,
    text: str,
    url: str = "",
    kind: str = NotificationKind.MESSAGE,
    target: str = "",
    once: str = "",
    day_only: bool = False,
) -> int:
    """Put a message in the inbox of each active user (deduplicated), and mail it to those who
    asked for it; ``once`` is a key under which it is sent a single time per user;
    ``day_only`` keeps the day and not the moment (what a public reporter did). Returns how
    many users were told."""
    kind = NotificationKind(kind)
    unique = {u.pk: u for u in users if u is not None and u.is_active}
    told = 0
    for user in unique.values():
        if once and not _first_time(user, once):
            continue
        _put(
            user,
            kind=kind,
            target=target[:40],
            text=text[:300],
            url=url[:300],
            day_only=day_only,
        )
        _mail(user, kind=kind, target=target, url=url)
        told += 1
    return told


def notifications_mark_read(*, user: User) -> int:
    """Mark every message of ``user`` read; returns how many were unread."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    return unread.update(read_at=timezone.now())


def notification_mark_read(*, user: User, notification_id) -> int:
    """Mark one of ``user``'s own messages read; an id of someone else's changes nothing."""
    try:
        number = int(notification_id)
    except (TypeError, ValueError):
        return 0
    unread = Notification.objects.filter(user=user, pk=number, read_at__isnull=True)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def notification_email_set(*, actor: User, on: bool) -> User:
    """The user's own choice to get their messages by e-mail too."""
    actor.email_notifications = bool(on)
    actor.save(update_fields=["email_notifications"])
    return actor
