"""An LIO with a shared and an internal item, used by the authorisation matrix and the
partner tests. Canaries mark what a partner must never read."""

from datetime import date, timedelta

from django.utils import timezone

from tests.factories import weigh
from weerbaar.meetings import services as meetings
from weerbaar.signals import services as signals
from weerbaar.signals.constants import Channel, WeighingPhase

INTERNAL_CANARY = "Internqwz"
UNSHARED_CANARY = "Binnenqwz"
SHARED_TEXT = "Wijkagent ziet vaak busjes bij de schuur"
SHARED_SUMMARY = "Hennepteelt in schuur"


def _weighed(signal, actor):
    signals.weighing_record(
        actor=actor,
        signal=signal,
        phase=WeighingPhase.ENRICHMENT,
        purpose="administrative",
        purpose_text="Zicht krijgen op mogelijke hennepteelt.",
        proportional=True,
        proportionality_text="Alleen dit adres.",
        subsidiary=True,
        subsidiarity_text="Geen lichter middel beschikbaar.",
    )


def meeting_world(users, shared_signal):
    regisseur = users["regisseur"]
    signals.signal_triage(
        actor=regisseur,
        signal=shared_signal,
        version=shared_signal.version,
        phenomenon=None,
        urgency="high",
        summary=SHARED_SUMMARY,
    )
    _weighed(shared_signal, regisseur)
    for text, visibility in ((SHARED_TEXT, "lio"), (f"{INTERNAL_CANARY} tip", "internal")):
        signals.enrichment_add(
            actor=regisseur,
            signal=shared_signal,
            text=text,
            source="Politie",
            source_date=date(2026, 1, 5),
            source_grade="B",
            info_grade="2",
            visibility=visibility,
        )
    internal = signals.signal_create(
        actor=None, channel=Channel.INTERNAL, description=f"{UNSHARED_CANARY} intern signaal"
    )
    signals.signal_triage(
        actor=regisseur,
        signal=internal,
        version=0,
        phenomenon=None,
        urgency="normal",
        summary=f"{UNSHARED_CANARY} samenvatting",
    )
    series = meetings.series_create(
        actor=regisseur,
        name="LIO Weerdam",
        kind="lio",
        interval_weeks=4,
        participants=[users["regisseur"], users["ketenpartner"], users["behandelaar"]],
    )
    meeting = meetings.meeting_plan(
        actor=regisseur, series=series, starts_at=timezone.now() + timedelta(days=3)
    )
    meetings.agenda_add(
        actor=regisseur,
        meeting=meeting,
        signals_with_reason=[(shared_signal, "new"), (internal, "new")],
    )
    shared_item, internal_item = meeting.items.order_by("position")
    weigh(shared_item.signal, phase="sharing", actor=regisseur)
    meetings.item_share(actor=regisseur, item=shared_item, shared=True, legal_basis="Convenant LIO")
    action = meetings.action_add(
        actor=regisseur,
        item=shared_item,
        description="Adrescontrole plannen",
        owner=users["behandelaar"],
        due_on=timezone.localdate() + timedelta(days=7),
    )
    return {
        "meeting_id": meeting,
        "series_id": series,
        "item_id": shared_item,
        "internal_item": internal_item,
        "action_id": action,
    }
