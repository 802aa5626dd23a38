"""Correcting a signal: reopening, undoing a merge, correcting and removing enrichment,
changing a subject's role and unlinking it after a confirmation."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import SignalFactory, UserFactory, login, make_person, weigh
from weerbaar.audit.models import AuditRecord
from weerbaar.signals import selectors, services
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import Enrichment, SignalSubject

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _closed(actor):
    signal = SignalFactory()
    return services.signal_set_status(
        actor=actor, signal=signal, status=SignalStatus.CLOSED, reason="Geen aanknopingspunten"
    )


def _enrich(signal, actor, text="Wijkagent ziet veel verkeer bij de loods."):
    if not services.weighing_passed(signal=signal, phase="enrichment"):
        weigh(signal, phase="enrichment")
    return services.enrichment_add(
        actor=actor,
        signal=signal,
        text=text,
        source="Politie wijkteam",
        source_date=TODAY() - timedelta(days=2),
        source_grade="B",
        info_grade="2",
    )


def test_reopen_a_closed_signal_with_a_reason_shown_in_the_timeline(regisseur):
    signal = _closed(regisseur)
    assert signal.retain_until is not None
    client = login(regisseur)
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "Signaal heropenen" in page
    url = reverse("signals:reopen", args=[signal.uuid])
    refused = client.post(url, {"version": signal.version, "reason": ""})
    assert "Dit veld is vereist." in refused.content.decode()
    client.post(url, {"version": signal.version, "reason": "Nieuwe melding over dezelfde loods"})
    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_PROGRESS and signal.retain_until is None
    record = AuditRecord.objects.get(action="signals.reopened", object_id=str(signal.uuid))
    assert record.purpose == "Nieuwe melding over dezelfde loods"
    assert (
        record.changes["old"]["status"] == "closed"
        and record.changes["new"]["status"] == "in_progress"
    )
    timeline = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "Signaal heropend, regisseur" in timeline
    assert "Nieuwe melding over dezelfde loods" in timeline


def test_only_a_closed_unmerged_signal_is_reopened_and_only_by_who_may_change(
    regisseur, behandelaar, team
):
    with pytest.raises(ValidationError, match="gesloten signaal"):
        services.signal_reopen(actor=regisseur, signal=SignalFactory(), reason="Toch nodig")
    source, target = SignalFactory(), SignalFactory()
    services.signal_merge(actor=regisseur, source=source, target=target, reason="dubbel")
    source.refresh_from_db()
    with pytest.raises(ValidationError, match="samenvoeging ongedaan"):
        services.signal_reopen(actor=regisseur, signal=source, reason="Toch nodig")
    mine = SignalFactory(owner_team=team)  # the behandelaar's team: seen, not changed
    mine = services.signal_set_status(
        actor=regisseur, signal=mine, status=SignalStatus.CLOSED, reason="Geen grond"
    )
    response = login(behandelaar).post(
        reverse("signals:reopen", args=[mine.uuid]), {"version": mine.version, "reason": "Omdat"}
    )
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.status == SignalStatus.CLOSED


def test_undo_a_merge_gives_back_what_the_signal_brought(regisseur):
    person, other = make_person("Karel de Bruijn"), make_person("Anna Smit")
    source, target = SignalFactory(), SignalFactory()
    services.signal_triage(
        actor=regisseur, signal=source, version=0, phenomenon=None, urgency="high"
    )
    services.signal_set_status(actor=regisseur, signal=source, status=SignalStatus.IN_PROGRESS)
    services.signal_link_subject(actor=None, signal=source, subject=person, role="suspected")
    services.signal_link_subject(actor=None, signal=target, subject=other, role="involved")
    brought = _enrich(source, regisseur, "Van de bron.")
    kept = _enrich(target, regisseur, "Van het doel.")
    services.signal_merge(actor=regisseur, source=source, target=target, reason="dubbel")
    assert set(target.enrichments.all()) == {brought, kept}
    assert target.subject_links.filter(subject=person).exists()
    source.refresh_from_db()
    client = login(regisseur)
    page = client.get(reverse("signals:detail", args=[source.uuid])).content.decode()
    assert "Samenvoeging ongedaan maken" in page
    client.post(
        reverse("signals:merge_undo", args=[source.uuid]),
        {"version": source.version, "reason": "Toch twee verschillende loodsen"},
    )
    source.refresh_from_db()
    assert source.merged_into is None and source.status == SignalStatus.IN_PROGRESS
    assert list(source.enrichments.all()) == [brought]
    assert list(target.enrichments.all()) == [kept]
    assert source.weighings.count() == 1 and target.weighings.count() == 1
    assert set(target.subject_links.values_list("subject", flat=True)) == {other.pk}
    assert SignalSubject.objects.filter(signal=source, subject=person).exists()
    rows = AuditRecord.objects.filter(action="signals.merge_undone")
    assert {r.object_id for r in rows} == {str(source.uuid), str(target.uuid)}
    assert {r.purpose for r in rows} == {"Toch twee verschillende loodsen"}
    with pytest.raises(ValidationError):
        services.signal_merge_undo(actor=regisseur, signal=source, reason="nog eens")


def _edit_data(item, **changes):
    data = {
        "enrichment": item.uuid,
        "text": item.text,
        "source": item.source,
        "source_date": item.source_date.isoformat(),
        "source_grade": item.source_grade,
        "info_grade": item.info_grade,
        "visibility": item.visibility,
        "reason": "",
    }
    return {**data, **changes}


def test_correcting_enrichment_keeps_the_earlier_text_in_the_history(regisseur):
    signal = SignalFactory()
    item = _enrich(signal, regisseur, "Veel verkeer bij de loods aan de Kerkstraat.")
    client = login(regisseur)
    client.post(
        reverse("signals:enrichment_edit", args=[signal.uuid]),
        _edit_data(item, text="Veel verkeer bij de loods aan de Kerkweg.", info_grade="3"),
    )
    item.refresh_from_db()
    assert item.text == "Veel verkeer bij de loods aan de Kerkweg." and item.info_grade == "3"
    record = AuditRecord.objects.get(action="signals.enrichment_changed")
    assert record.changes["old"]["text"] == "Veel verkeer bij de loods aan de Kerkstraat."
    assert record.changes["new"]["text"] == "Veel verkeer bij de loods aan de Kerkweg."
    assert record.changes["old"]["info_grade"] == "2" and record.changes["new"]["info_grade"] == "3"
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "Kerkweg" in page and "gecorrigeerd op" in page
    late = client.post(
        reverse("signals:enrichment_edit", args=[signal.uuid]),
        _edit_data(item, text="Veel verkeer bij de loods.", seen=""),
    )
    assert late.status_code == 409 and "intussen gecorrigeerd" in late.content.decode()
    item.refresh_from_db()
    assert item.text == "Veel verkeer bij de loods aan de Kerkweg."
    assert "Verrijking gecorrigeerd, regisseur" in page


def test_removing_enrichment_asks_first_and_leaves_a_tombstone(regisseur):
    signal = SignalFactory()
    item = _enrich(signal, regisseur, "Buurman Jansen zegt dat hier gekweekt wordt.")
    client = login(regisseur)
    url = reverse("signals:enrichment_remove", args=[signal.uuid])
    asked = client.get(url, {"verrijking": item.uuid}).content.decode()
    assert "Buurman Jansen" in asked and "kan niet ongedaan worden gemaakt" in asked
    unconfirmed = client.post(url, {"enrichment": item.uuid, "reason": "Verkeerd signaal"})
    assert "Bevestig het verwijderen." in unconfirmed.content.decode()
    assert Enrichment.objects.get(pk=item.pk).removed_at is None
    client.post(url, {"enrichment": item.uuid, "reason": "Verkeerd signaal", "confirm": "on"})
    item.refresh_from_db()
    assert item.removed_at and item.text == "" and item.removed_by == regisseur
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "Buurman Jansen" not in page
    assert f"verwijderd door {regisseur.get_full_name()} op" in page and "Verkeerd signaal" in page
    record = AuditRecord.objects.get(action="signals.enrichment_removed")
    assert record.purpose == "Verkeerd signaal"
    assert record.changes["new"] == {"enrichment": str(item.uuid), "removed": True}
    assert not any("Buurman Jansen" in json.dumps(r.changes) for r in AuditRecord.objects.all())
    assert list(selectors.enrichments(signal=signal)) == []  # the LIO and minutes see nothing
    assert client.get(url, {"verrijking": item.uuid}).status_code == 404  # gone already


def test_who_may_correct_enrichment(regisseur, behandelaar, toezichthouder, team):
    signal = SignalFactory(owner_team=team)
    mine = _enrich(signal, behandelaar)
    assert services.may_correct_enrichment(user=behandelaar, enrichment=mine)
    assert not services.may_correct_enrichment(user=toezichthouder, enrichment=mine)
    assert services.may_correct_enrichment(user=regisseur, enrichment=mine)  # nobody assigned
    analyst = UserFactory(roles=["regisseur"], teams=[team])
    services.signal_triage(
        actor=regisseur,
        signal=signal,
        version=0,
        phenomenon=None,
        urgency="normal",
        assigned_to=analyst,
    )
    mine.refresh_from_db()
    assert not services.may_correct_enrichment(user=regisseur, enrichment=mine)
    assert services.may_correct_enrichment(user=analyst, enrichment=mine)
    with pytest.raises(ValidationError, match="auteur"):
        services.enrichment_remove(actor=toezichthouder, enrichment=mine, reason="Weg ermee")
    response = login(toezichthouder).post(
        reverse("signals:enrichment_edit", args=[signal.uuid]), _edit_data(mine, text="Anders")
    )
    assert response.status_code == 404
    assert Enrichment.objects.get(pk=mine.pk).text != "Anders"


def test_change_a_subjects_role_and_unlink_it_after_confirming(regisseur):
    signal, person = SignalFactory(), make_person("Karel de Bruijn")
    services.signal_link_subject(actor=None, signal=signal, subject=person, role="involved")
    client = login(regisseur)
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert reverse("signals:subject_role", args=[signal.uuid]) in page
    client.post(
        reverse("signals:subject_role", args=[signal.uuid]),
        {"subject": person.uuid, "role": "suspected"},
    )
    assert SignalSubject.objects.get(signal=signal).role == "suspected"
    record = AuditRecord.objects.get(action="signals.subject_role")
    assert (record.changes["old"]["role"], record.changes["new"]["role"]) == (
        "involved",
        "suspected",
    )
    url = reverse("signals:subject_unlink", args=[signal.uuid])
    asked = client.get(url, {"subject": person.uuid}).content.decode()
    assert "Karel de Bruijn ontkoppelen van signaal" in asked
    client.post(url, {"subject": person.uuid, "reason": "Verkeerde persoon"})
    assert SignalSubject.objects.filter(signal=signal).exists()  # not confirmed
    client.post(url, {"subject": person.uuid, "reason": "Verkeerde persoon", "confirm": "on"})
    assert not SignalSubject.objects.filter(signal=signal).exists()
    unlinked = AuditRecord.objects.get(action="signals.subject_unlinked")
    assert (
        unlinked.purpose == "Verkeerde persoon" and unlinked.changes["old"]["role"] == "suspected"
    )
