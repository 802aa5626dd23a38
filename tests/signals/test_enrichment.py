"""Privacy gates, graded enrichment, hard facts and retention marking."""

from datetime import date, timedelta
from functools import partial

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import SignalFactory, make_address
from weerbaar.audit.models import AuditRecord
from weerbaar.signals import services
from weerbaar.signals.constants import SignalStatus, WeighingPhase
from weerbaar.signals.models import Enrichment, Signal

pytestmark = pytest.mark.django_db

WEIGHING = {
    "purpose": "administrative",
    "purpose_text": "Vaststellen of hier hennep wordt gekweekt.",
    "proportionality_text": "Alleen gegevens over dit adres, geen familie.",
    "subsidiarity_text": "Een adrescontrole alleen geeft te weinig zicht.",
}


_signal = partial(SignalFactory, description="Stankoverlast Dorpsstraat 4.")


def _weigh(client, signal, phase="enrichment", **changes):
    data = {f"{phase}-{k}": v for k, v in {**WEIGHING, **changes}.items()}
    data.update({"phase": phase, f"{phase}-phase": phase})
    data.setdefault(f"{phase}-proportional", "on")
    data.setdefault(f"{phase}-subsidiary", "on")
    return client.post(reverse("signals:weigh", args=[signal.uuid]), data)


ENRICHMENT = {
    "kind": "soft",
    "text": "Wijkagent ziet 's nachts veel verkeer bij de loods.",
    "source": "Politie wijkteam",
    "source_date": "2026-11-01",
    "source_grade": "B",
    "info_grade": "2",
    "visibility": "lio",
}


def test_enrichment_is_refused_before_the_privacy_weighing(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    response = client.post(reverse("signals:enrich", args=[signal.uuid]), ENRICHMENT)
    html = response.content.decode()
    assert "Leg eerst de privacyafweging voor deze stap vast" in html
    assert ENRICHMENT["text"].replace("'", "&#x27;") in html  # what was typed is kept
    assert not Enrichment.objects.exists()


def test_a_negative_weighing_is_kept_and_still_blocks(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    _weigh(client, signal, subsidiary="")
    assert signal.weighings.get().subsidiary is False
    client.post(reverse("signals:enrich", args=[signal.uuid]), ENRICHMENT)
    assert not Enrichment.objects.exists()


def test_weighing_then_graded_enrichment(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    assert _weigh(client, signal).status_code == 302
    weighed = AuditRecord.objects.get(action="signals.weighed")
    assert weighed.object_id == str(signal.uuid)
    assert weighed.changes["new"]["proportional"] is True
    response = client.post(reverse("signals:enrich", args=[signal.uuid]), ENRICHMENT)
    assert response.status_code == 302
    item = Enrichment.objects.get()
    assert (item.grading, item.visibility, item.added_by) == ("B2", "lio", regisseur)
    record = AuditRecord.objects.get(action="signals.enriched")
    assert record.changes["new"]["grading"] == "B2"
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "B2" in page and "Politie wijkteam" in page
    # the weighing and the enrichment are part of the signal's history
    assert "Privacyafweging vastgelegd" in page and "Verrijking toegevoegd" in page


def test_soft_information_must_be_graded(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    _weigh(client, signal)
    response = client.post(
        reverse("signals:enrich", args=[signal.uuid]), {**ENRICHMENT, "source_grade": ""}
    )
    assert "Beoordeel de betrouwbaarheid" in response.content.decode()
    assert not Enrichment.objects.exists()
    with pytest.raises(ValidationError):
        services.enrichment_add(
            actor=regisseur,
            signal=signal,
            text="x",
            source="y",
            source_date=date(2026, 1, 1),
            info_grade="2",
        )


def test_future_dates_are_refused(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    _weigh(client, signal)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        reverse("signals:enrich", args=[signal.uuid]), {**ENRICHMENT, "source_date": tomorrow}
    )
    assert "ligt in de toekomst" in response.content.decode()


def test_hard_facts_are_shown_beside_soft_information(client, regisseur):
    address = make_address("Loodsweg", 3, "6981AB", "Doesburg", surface_m2=96)
    signal = _signal(address=address)
    client.force_login(regisseur)
    _weigh(client, signal)
    client.post(
        reverse("signals:enrich", args=[signal.uuid]),
        {
            **ENRICHMENT,
            "kind": "fact",
            "text": "Omgevingsvergunning verleend op 3-2-2020.",
            "source": "Vergunningenregister",
        },
    )
    fact = Enrichment.objects.get()
    assert fact.grading == "" and fact.source_grade == ""  # a registration is not graded
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert page.count("Hard feit") >= 2
    assert "96 m²" in page and "Omgevingsvergunning verleend" in page


def test_a_case_needs_its_own_weighing(regisseur):
    signal = _signal()
    services.weighing_record(
        actor=regisseur,
        signal=signal,
        phase=WeighingPhase.ENRICHMENT,
        proportional=True,
        subsidiary=True,
        **WEIGHING,
    )
    with pytest.raises(ValidationError):
        services.signal_case_decided(actor=regisseur, signal=signal)
    services.weighing_record(
        actor=regisseur, signal=signal, phase="case", proportional=True, subsidiary=True, **WEIGHING
    )
    assert services.signal_case_decided(actor=regisseur, signal=signal).led_to_case


def test_signals_ending_without_action_are_marked_for_retention(regisseur):
    quiet = _signal()
    services.signal_set_status(actor=regisseur, signal=quiet, status=SignalStatus.IN_PROGRESS)
    services.signal_set_status(
        actor=regisseur, signal=quiet, status=SignalStatus.CLOSED, reason="Geen aanwijzingen."
    )
    quiet.refresh_from_db()
    assert quiet.retain_until == timezone.localdate() + timedelta(days=365)
    case = _signal()
    Signal.objects.filter(pk=case.pk).update(led_to_case=True)
    case.refresh_from_db()
    services.signal_set_status(
        actor=regisseur, signal=case, status=SignalStatus.CLOSED, reason="Zaak geopend."
    )
    case.refresh_from_db()
    assert case.retain_until is None
