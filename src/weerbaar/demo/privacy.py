"""Demo requests of data subjects for the FG: an access request answered last month with a
record withheld to protect the reporter, and an open rectification request with the
person's account beside a disputed fact and the processing restricted meanwhile."""

import random
from datetime import timedelta

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.core import subject_records
from weerbaar.privacy import services
from weerbaar.signals.models import Signal, SignalSubject
from weerbaar.signals.selectors import signals_visible_to


def _persons_with_signals(count: int) -> list:
    links = SignalSubject.objects.filter(subject__kind="person").select_related("subject")
    seen, persons = set(), []
    for link in links.order_by("pk"):
        if link.subject_id not in seen:
            seen.add(link.subject_id)
            persons.append(link.subject)
        if len(persons) == count:
            break
    return persons


def _first(subject, group_prefix: str):
    records = subject_records.records(subject)
    return next((r for r in records if r.object_type.startswith(group_prefix)), records[0])


def create_requests(*, seed: int) -> None:
    fg = User.objects.filter(groups__name="fg").first()
    persons = _persons_with_signals(2)
    if fg is None or len(persons) < 2:
        return
    rng = random.Random(seed)
    today = timezone.localdate()
    answered = services.request_open(
        actor=fg,
        kind="access",
        subject=persons[0],
        requester=f"{persons[0].label}, identiteit vastgesteld aan de balie (paspoort)",
        received_on=today - timedelta(days=40 + rng.randint(0, 5)),
    )
    services.withholding_set(
        actor=fg,
        request=answered,
        record_key=_first(persons[0], "signals.").key,
        ground="reporter",
        explanation="Uit de melding is af te leiden wie de melder is.",
    )
    services.request_answer(
        actor=fg,
        request=answered,
        answered_on=today - timedelta(days=12),
        outcome="Afschrift verstrekt; één signaal niet verstrekt ter bescherming van de melder.",
    )
    disputed = services.request_open(
        actor=fg,
        kind="rectification",
        subject=persons[1],
        requester=f"{persons[1].label}, per brief met kopie identiteitsbewijs",
        received_on=today - timedelta(days=10),
    )
    services.annotation_add(
        actor=fg,
        request=disputed,
        record_key=_first(persons[1], "signals.").key,
        fact="Betrokkene zou de bewoner van het adres zijn",
        statement="Ik woon sinds vorig jaar niet meer op dit adres; mijn broer huurt het.",
    )
    services.restriction_place(
        actor=fg,
        request=disputed,
        reason="De betrokkene betwist de juistheid; beperkt tot het onderzoek klaar is.",
    )


def create_opening() -> None:
    """An inspector who opened a signal of another team with a reason, for the FG to judge."""
    inspector = User.objects.filter(username="toezichthouder").first()
    if inspector is None:
        return
    hidden = Signal.objects.exclude(pk__in=signals_visible_to(inspector).values("pk"))
    signal = hidden.order_by("pk").first()
    if signal is not None:
        services.glass_break(
            actor=inspector,
            number=signal.reference,
            reason="Controle vanavond op dit adres; het eigen team is niet bereikbaar.",
        )
