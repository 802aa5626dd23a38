"""Public API of the signals app for reads, with need-to-know built in.

Visibility rule for signals: the regisseur/analist role (permission ``signals.view_signal``)
sees every signal; anyone else sees the signals of their own team or shared with them or
their team; nobody else sees anything, and a hidden signal answers like a missing one.
"""

from uuid import UUID

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.access import is_active_user, visible_q
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.services import audit_record
from weerbaar.signals.constants import SEE_ALL_PERMISSION, SignalStatus
from weerbaar.signals.models import Phenomenon, Signal

# What a reporter is told: enough to know it is being handled, no internal steps.
PUBLIC_STATUS = {
    SignalStatus.NEW: _("Received"),
    SignalStatus.IN_PROGRESS: _("Being looked into"),
    SignalStatus.FOR_LIO: _("Being looked into"),
    SignalStatus.DECIDED: _("Being looked into"),
    SignalStatus.CLOSED: _("Closed"),
}


def signals_visible_to(user) -> QuerySet[Signal]:
    return Signal.objects.filter(
        visible_q(user, model=Signal, see_all_perm=SEE_ALL_PERMISSION, team_field="owner_team")
    )


def may_see_signals(user) -> bool:
    return is_active_user(user) and (
        user.has_perm(SEE_ALL_PERMISSION) or signals_visible_to(user).exists()
    )


URGENCY_ORDER = Case(
    *[When(urgency=u, then=Value(i)) for i, u in enumerate(["urgent", "high", "normal", "low"])],
    output_field=IntegerField(),
)


def signal_list(
    *,
    user,
    status: str = "",
    phenomenon=None,
    channel: str = "",
    assigned: str = "",
    date_from=None,
    date_until=None,
    sort: str = "",
) -> QuerySet[Signal]:
    """The inbox: visible signals, filtered, newest (or most urgent) first."""
    signals = signals_visible_to(user).select_related("phenomenon", "assigned_to")
    conditions = {
        "status": status,
        "phenomenon": phenomenon,
        "channel": channel,
        "reported_on__gte": date_from,
        "reported_on__lte": date_until,
    }
    signals = signals.filter(**{k: v for k, v in conditions.items() if v})
    if assigned == "me":
        signals = signals.filter(assigned_to=user)
    elif assigned == "nobody":
        signals = signals.filter(assigned_to__isnull=True)
    if sort == "urgency":
        return signals.order_by(URGENCY_ORDER, "-reported_on", "-id")
    return signals.order_by("-reported_on", "-id")


def status_counts(*, user) -> dict[str, int]:
    """How many visible signals are in each status (one query)."""
    rows = signals_visible_to(user).values("status").annotate(n=Count("id"))
    counts = {status: 0 for status in SignalStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def signal_get(*, user, signal_id: UUID, request=None) -> Signal:
    """The signal if ``user`` may see it (audited); Http404 otherwise."""
    signal = (
        signals_visible_to(user)
        .select_related("phenomenon", "address")
        .filter(uuid=signal_id)
        .first()
    )
    if signal is None:
        if is_active_user(user):
            audit_record(
                actor=user,
                action=AuditAction.ACCESS_DENIED,
                request=request,
                result=AuditResult.DENIED,
                extra={"object": "signals.signal", "id": str(signal_id)},
            )
        raise Http404
    audit_record(actor=user, action=AuditAction.SIGNAL_VIEWED, obj=signal, request=request)
    return signal


def public_status(*, signal: Signal) -> str:
    """The status as told to the reporter (intake's follow-up page)."""
    return str(PUBLIC_STATUS[SignalStatus(signal.status)])


def phenomena_for_public() -> QuerySet[Phenomenon]:
    return Phenomenon.objects.filter(public=True).order_by("order", "name")
