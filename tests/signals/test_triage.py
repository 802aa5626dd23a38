from datetime import date
from functools import partial

import pytest
from django.urls import reverse

from tests.factories import SignalFactory
from weerbaar.audit.models import AuditRecord
from weerbaar.signals.models import Phenomenon, Signal

pytestmark = pytest.mark.django_db


_signal = partial(SignalFactory, description="Veel mensen ingeschreven op Dorpsstraat 4.")


def test_triage_is_saved_and_audited(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    response = client.post(
        reverse("signals:triage", args=[signal.uuid]),
        {
            "version": 0,
            "phenomenon": Phenomenon.objects.get(code="adresfraude").pk,
            "urgency": "high",
            "summary": "Mogelijke adresfraude",
            "assigned_to": regisseur.pk,
        },
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert (signal.urgency, signal.summary, signal.assigned_to, signal.version) == (
        "high",
        "Mogelijke adresfraude",
        regisseur,
        1,
    )
    assert AuditRecord.objects.filter(action="signals.triaged", actor_id=regisseur.pk).exists()


def test_second_analyst_does_not_overwrite_the_first(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    first = {"version": 0, "urgency": "urgent", "summary": "Eerste"}
    second = {"version": 0, "urgency": "low", "summary": "Tweede, op een oude pagina"}
    client.post(reverse("signals:triage", args=[signal.uuid]), first)
    response = client.post(reverse("signals:triage", args=[signal.uuid]), second)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Iemand anders heeft dit signaal intussen gewijzigd." in html
    assert 'value="Tweede, op een oude pagina"' in html  # what was typed is kept
    signal.refresh_from_db()
    assert (signal.urgency, signal.summary) == ("urgent", "Eerste")


def test_status_flow_and_reason_to_close(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    status = reverse("signals:status", args=[signal.uuid])
    refused = client.post(status, {"version": 0, "status": "decided"})
    assert "kan niet “Besloten” worden" in refused.content.decode()
    no_reason = client.post(status, {"version": 0, "status": "closed", "confirm_close": "on"})
    assert "Geef de reden voor deze stap." in no_reason.content.decode()
    unconfirmed = {"version": 0, "status": "closed", "reason": "Geen aanknopingspunten"}
    page = client.post(status, unconfirmed).content.decode()
    assert "Bevestig dat u het signaal wilt sluiten." in page
    signal.refresh_from_db()
    assert signal.status == "new"
    client.post(status, {**unconfirmed, "confirm_close": "on"})
    signal.refresh_from_db()
    assert signal.status == "closed"
    record = AuditRecord.objects.filter(action="signals.status_changed").latest("id")
    assert record.purpose == "Geen aanknopingspunten"


def test_inbox_filters_counts_and_need_to_know(client, regisseur, medewerker):
    hennep = Phenomenon.objects.get(code="hennep-drugs")
    old = _signal(phenomenon=hennep)
    Signal.objects.filter(pk=old.pk).update(reported_on=date(2024, 1, 10), urgency="urgent")
    new = _signal()
    client.force_login(regisseur)
    page = client.get(reverse("signals:list"), {"phenomenon": hennep.pk}).content.decode()
    assert str(old.uuid) in page and str(new.uuid) not in page
    page = client.get(reverse("signals:list"), {"date_until": "2024-12-31"}).content.decode()
    assert str(old.uuid) in page and str(new.uuid) not in page
    page = client.get(reverse("signals:list"), {"sort": "urgency"}).content.decode()
    assert page.index(str(old.uuid)) < page.index(str(new.uuid))
    assert "Nieuw: 2" in client.get(reverse("signals:list")).content.decode()
    client.force_login(medewerker)
    assert client.get(reverse("signals:list")).status_code == 404
    assert (
        client.post(reverse("signals:triage", args=[new.uuid]), {"version": 0}).status_code == 404
    )


def test_inbox_query_count_does_not_grow(client, regisseur, django_assert_max_num_queries):
    for _ in range(30):
        _signal()
    client.force_login(regisseur)
    # constant: one more for the analyst filter, two for the choices of the bulk actions
    # (who can be given signals, which meetings are open)
    with django_assert_max_num_queries(18):
        client.get(reverse("signals:list"))
