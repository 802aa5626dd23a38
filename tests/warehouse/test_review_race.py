"""Two reviewers of one alert or one linkage pair: the first decides, the second is refused
with a Dutch message, however close together they press."""

import threading

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, make_person
from weerbaar.signals.models import Signal
from weerbaar.warehouse import services
from weerbaar.warehouse.models import Alert, RegistryLink

# Threads with their own connections only see what was committed: the race test needs a
# transactional test, which PostgreSQL empties by TRUNCATE (the audit trail's row triggers
# refuse DELETE, SQLite's flush). On SQLite the same test shows the re-check alone.
ON_POSTGRES = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
REFUSED = "Deze attendering is al beoordeeld; zie de status."


def _alert() -> Alert:
    """An open alert, made directly: the race is about the review, not the rules."""
    return Alert.objects.create(
        rule="overcrowding",
        rule_version="v1",
        key="0221010000330226",
        facts={"street": "Kosterstraat", "house_number": 4, "postcode": "6981CH"},
        facts_hash="x",
        explanation="14 personen ingeschreven op 96 m² woonoppervlak",
        raised_at=timezone.now(),
    )


def _reviewer(name: str, team):
    return UserFactory(username=name, roles=["regisseur"], teams=[team])


def _at_once(work, actors) -> list:
    """Run ``work(actor)`` for every actor in its own thread and connection, all released
    together; returns what each returned or raised."""
    start, outcome = threading.Barrier(len(actors)), [None] * len(actors)

    def run(index, actor):
        try:
            start.wait()
            outcome[index] = work(actor)
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            outcome[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcome


@pytest.mark.django_db(transaction=ON_POSTGRES, serialized_rollback=ON_POSTGRES)
def test_two_reviewers_at_once_make_one_signal(team):
    alert = _alert()  # each reviewer holds the alert as their page loaded it: open
    reviewers = [_reviewer("eerste", team), _reviewer("tweede", team)]

    def make_signal(actor):
        return services.alert_to_signal(actor=actor, alert=alert)

    if ON_POSTGRES:
        outcome = _at_once(make_signal, reviewers)
    else:
        outcome = []
        for actor in reviewers:
            try:
                outcome.append(make_signal(actor))
            except ValidationError as exc:
                outcome.append(exc)
    refused = [o for o in outcome if isinstance(o, ValidationError)]
    assert len(refused) == 1 and refused[0].messages == [REFUSED]
    signal = Signal.objects.get(channel="warehouse")  # one signal, not two
    alert.refresh_from_db()
    assert (alert.status, alert.signal_uuid) == ("signal", signal.uuid)


@pytest.mark.django_db
def test_an_alert_made_a_signal_is_not_dismissed_after_it(regisseur, team):
    alert = _alert()
    services.alert_to_signal(actor=regisseur, alert=alert)
    with pytest.raises(ValidationError) as refused:
        services.alert_dismiss(actor=_reviewer("tweede", team), alert=alert, reason="Niets aan")
    assert refused.value.messages == [REFUSED]
    alert.refresh_from_db()
    assert (alert.status, alert.dismiss_reason) == ("signal", "")


@pytest.mark.django_db
def test_a_pair_is_decided_once(regisseur, team):
    person = make_person("Piet Pietersen")
    link = RegistryLink.objects.create(
        subject=person,
        registry_key="abc",
        match_weight=3.0,
        match_probability=0.8,
        status=RegistryLink.Status.REVIEW,
        found_at=timezone.now(),
    )
    first, second = Client(), Client()
    first.force_login(regisseur)
    second.force_login(_reviewer("tweede", team))
    url = reverse("warehouse:link_decide", args=[link.uuid])
    first.post(url, {"same": "ja"})
    # the second analyst had the same page open and judged otherwise: told, not recorded
    page = second.post(url, {"same": "nee"}, follow=True).content.decode()
    assert "Dit paar wacht niet meer op een oordeel; zie de status." in page
    link.refresh_from_db()
    assert (link.status, link.decided_by) == ("confirmed", regisseur)
