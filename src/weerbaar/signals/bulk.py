"""Actions on many signals at once, chosen on the signal list.

The list offers every action registered here that the user may take. Assigning is this app's
own; a higher app adds its own action (the meetings app: "put on the agenda") from its
``AppConfig.ready()``, so the list never imports upward. An action runs on all chosen signals
in one transaction: either all of them or, when one is refused, none.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.signals.constants import CHANGE_PERMISSION
from weerbaar.signals.models import Signal


@dataclass(frozen=True)
class BulkAction:
    code: str
    label: str
    target_label: str
    allowed: Callable[[User], bool]
    # (value, label) pairs the user may choose as the action's target
    targets: Callable[[User], list[tuple[str, str]]]
    # run(actor=, signals=, target=) with ``target`` one of the values of ``targets``
    run: Callable[..., object]


_actions: dict[str, BulkAction] = {}


def register(action: BulkAction) -> None:
    _actions[action.code] = action


def available(user) -> list[BulkAction]:
    return [a for a in _actions.values() if a.allowed(user)]


def assignable_users():
    """Who can be given a signal: active users whose role may change signals."""
    perm = Q(groups__permissions__codename="change_signal") | Q(
        user_permissions__codename="change_signal"
    )
    return (
        get_user_model()
        .objects.filter(perm, is_active=True)
        .distinct()
        .order_by("last_name", "username")
    )


@transaction.atomic
def signals_assign(*, actor: User, signals, assigned_to: User) -> int:
    """Give all ``signals`` (already narrowed to what ``actor`` may see) to ``assigned_to``;
    one audit row per signal, so each signal's own trail shows it."""
    if not assigned_to.is_active or not assigned_to.has_perm(CHANGE_PERMISSION):
        raise ValidationError(_("This person cannot be given signals."))
    rows = list(Signal.objects.select_for_update().filter(pk__in=[s.pk for s in signals]))
    for signal in rows:
        if signal.merged_into_id:
            raise ValidationError(
                _("%(ref)s was merged into another signal; leave it out.")
                % {"ref": signal.reference}
            )
        old = signal.assigned_to_id
        signal.assigned_to = assigned_to
        signal.version += 1
        signal.save(update_fields=["assigned_to", "version"])
        audit_record(
            actor=actor,
            action=AuditAction.SIGNALS_ASSIGNED,
            obj=signal,
            old={"assigned_to": str(old or "")},
            new={"assigned_to": str(assigned_to.pk), "together_with": len(rows)},
        )
    return len(rows)


def _assign(*, actor: User, signals, target: str) -> int:
    person = assignable_users().filter(pk=target).first() if target.isdigit() else None
    if person is None:
        raise ValidationError(_("Choose who gets the signals."))
    return signals_assign(actor=actor, signals=signals, assigned_to=person)


def _people(user) -> list[tuple[str, str]]:
    return [(str(u.pk), u.get_full_name() or u.get_username()) for u in assignable_users()]


register(
    BulkAction(
        code="assign",
        label=gettext_lazy("Assign"),
        target_label=gettext_lazy("Assign to"),
        allowed=lambda user: user.has_perm(CHANGE_PERMISSION),
        targets=_people,
        run=_assign,
    )
)
