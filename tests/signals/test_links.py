"""Subjects on a signal, related and duplicate signals, merging, search and saved views."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.factories import SignalFactory, make_address, make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.intake.services import report_submit_public
from weerbaar.signals import services
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import SavedView, Signal, SignalSubject

pytestmark = pytest.mark.django_db
SIGNAL_LINK = re.compile(r'href="/signalen/[0-9a-f]{8}-')


def _signal(text="Stankoverlast bij de loods.", **extra):
    return SignalFactory(description=text, **extra)


def test_find_and_link_a_subject_shows_what_is_known(client, regisseur):
    person = make_person("Karel de Bruijn")
    earlier = _signal("Eerder signaal over Karel.")
    services.signal_link_subject(actor=None, signal=earlier, subject=person, role="suspected")
    signal = _signal()
    client.force_login(regisseur)
    found = client.post(reverse("signals:subject_find", args=[signal.uuid]), {"q": "Karel Bruyn"})
    assert "Karel de Bruijn" in found.content.decode()
    response = client.post(
        reverse("signals:subject_link", args=[signal.uuid]),
        {"subject": person.uuid, "role": "involved"},
    )
    assert response.status_code == 302
    assert SignalSubject.objects.filter(signal=signal, subject=person).exists()
    record = AuditRecord.objects.get(action="signals.subject_linked", object_id=str(signal.uuid))
    assert record.subject_ref == str(person.uuid)
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert "Karel de Bruijn" in page
    assert reverse("signals:detail", args=[earlier.uuid]) in page  # the earlier signal
    again = client.post(
        reverse("signals:subject_link", args=[signal.uuid]),
        {"subject": person.uuid, "role": "involved"},
        follow=True,
    )
    assert "al aan het signaal gekoppeld" in again.content.decode()


def test_a_subject_created_on_the_spot_comes_back_to_the_signal(client, regisseur):
    signal = _signal()
    client.force_login(regisseur)
    back = reverse("signals:subject_find", args=[signal.uuid])
    response = client.post(
        reverse("subjects:create", args=["vehicle"]) + f"?next={back}",
        {"plate": "99-KBB-1", "next": back},
    )
    assert response.status_code == 302 and response["Location"].startswith(back + "?subject=")
    page = client.get(response["Location"]).content.decode()
    assert "99-KBB-1" in page and reverse("signals:subject_link", args=[signal.uuid]) in page


def test_outside_return_addresses_are_ignored(client, regisseur):
    client.force_login(regisseur)
    response = client.post(
        reverse("subjects:create", args=["vehicle"]),
        {"plate": "99-KBB-2", "next": "https://evil.example/"},
    )
    assert "evil" not in response["Location"]


def test_duplicates_are_suggested_and_merged_keeping_the_reports(client, regisseur):
    address = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    public = Client()
    receipt = report_submit_public(description="Hennepgeur Loodsweg 3")
    duplicate = receipt.report.signal
    Signal.objects.filter(pk=duplicate.pk).update(address=address)
    duplicate.refresh_from_db()
    target = _signal("Hennepkwekerij Loodsweg 3?", address=address)
    client.force_login(regisseur)
    page = client.get(reverse("signals:detail", args=[duplicate.uuid])).content.decode()
    assert reverse("signals:detail", args=[target.uuid]) in page and "zelfde adres" in page
    response = client.post(
        reverse("signals:merge", args=[duplicate.uuid]),
        {"version": duplicate.version, "target": target.uuid, "reason": "Zelfde loods."},
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == target and duplicate.status == SignalStatus.CLOSED
    # the target shows the duplicate's report and its reporter dialogue
    page = client.get(reverse("signals:detail", args=[target.uuid])).content.decode()
    assert "Hennepgeur Loodsweg 3" in page
    dialogue = client.get(reverse("intake:dialogue", args=[target.uuid])).content.decode()
    assert "Melding via Publiek meldformulier" in dialogue
    # the reporter sees the status of the signal it now belongs to
    services.signal_set_status(actor=regisseur, signal=target, status=SignalStatus.IN_PROGRESS)
    follow = public.post(
        reverse("intake:follow_up"), {"code": receipt.code, "secret": receipt.secret}
    )
    assert "Wordt bekeken" in follow.content.decode()  # not the duplicate's "Afgesloten"
    timeline = client.get(reverse("signals:detail", args=[target.uuid])).content.decode()
    assert "Signaal samengevoegd" in timeline


def test_merging_into_itself_or_into_a_merged_signal_is_refused(regisseur):
    a, b, c = _signal("a"), _signal("b"), _signal("c")
    with pytest.raises(ValidationError):
        services.signal_merge(actor=regisseur, source=a, target=a)
    services.signal_merge(actor=regisseur, source=a, target=b)
    with pytest.raises(ValidationError):
        services.signal_merge(actor=regisseur, source=c, target=a)
    with pytest.raises(ValidationError):
        services.signal_merge(actor=regisseur, source=a, target=c)


def test_merge_from_a_stale_page_is_refused(client, regisseur):
    a, b = _signal("a"), _signal("b")
    client.force_login(regisseur)
    services.signal_triage(
        actor=regisseur, signal=a, version=0, phenomenon=None, urgency="high", summary="x"
    )
    response = client.post(
        reverse("signals:merge", args=[a.uuid]),
        {"version": 0, "target": b.uuid, "reason": "dubbel"},
    )
    assert response.status_code == 409
    assert Signal.objects.get(pk=a.pk).merged_into is None


def test_relating_signals(client, regisseur):
    a, b = (
        _signal("a", location_text="Loods achter de Kerkstraat"),
        _signal("b", location_text="loods achter de kerkstraat"),
    )
    client.force_login(regisseur)
    assert "zelfde locatie" in client.get(reverse("signals:detail", args=[a.uuid])).content.decode()
    client.post(reverse("signals:relate", args=[a.uuid]), {"other": b.uuid})
    assert list(b.related.all()) == [a]
    refused = client.post(reverse("signals:relate", args=[a.uuid]), {"other": a.uuid}, follow=True)
    assert "niet aan zichzelf" in refused.content.decode()


def test_full_text_search_stems_and_respects_need_to_know(client, regisseur, medewerker, team):
    mine = _signal("Er staan drie woningen leeg aan de Havenstraat.", owner_team=team)
    _signal("Een woning met dichte gordijnen.")
    _signal("Iets heel anders.")
    client.force_login(regisseur)
    html = client.post(reverse("signals:search"), {"q": "woning"}).content.decode()
    assert len(SIGNAL_LINK.findall(html)) == 2
    assert AuditRecord.objects.filter(action="signals.searched").exists()
    assert "woning" not in AuditRecord.objects.filter(action="signals.searched").first().route
    member = Client()
    member.force_login(medewerker)  # sees only the signal of the team
    html = member.post(reverse("signals:search"), {"q": "woningen"}).content.decode()
    assert reverse("signals:detail", args=[mine.uuid]) in html
    assert len(SIGNAL_LINK.findall(html)) == 1


def test_saved_views_belong_to_their_user(client, regisseur, behandelaar):
    client.force_login(regisseur)
    client.post(reverse("signals:view_save"), {"name": "Urgent", "query": "sort=urgency"})
    view = SavedView.objects.get()
    page = client.get(reverse("signals:list")).content.decode()
    assert "?sort=urgency" in page and "Urgent" in page
    other = Client()
    other.force_login(behandelaar)
    other.post(reverse("signals:view_delete", args=[view.pk]))
    assert SavedView.objects.exists()  # not theirs to remove
    client.post(reverse("signals:view_delete", args=[view.pk]))
    assert not SavedView.objects.exists()


def test_area_filter(client, regisseur):
    inside = _signal(address=make_address("Loodsweg", 3, "6981AB", "Doesburg"))
    outside = _signal(address=make_address("Kerkstraat", 1, "1234AB", "Weerdam"))
    client.force_login(regisseur)
    for area in ("6981", "doesburg"):
        html = client.get(reverse("signals:list"), {"area": area}).content.decode()
        assert reverse("signals:detail", args=[inside.uuid]) in html
        assert reverse("signals:detail", args=[outside.uuid]) not in html


def test_signal_and_meeting_pages_never_repeat_an_id(client, regisseur):
    """Labels find their field by id: a repeated id sends a label (and a screen reader) to
    the wrong field, e.g. the enrichment text instead of the message to the reporter."""
    from collections import Counter

    from weerbaar.intake.services import report_submit_public

    signal = report_submit_public(description="Hennepgeur bij de loods.").report.signal
    client.force_login(regisseur)
    pages = [
        client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
        + client.get(
            reverse("intake:dialogue", args=[signal.uuid]), HTTP_HX_REQUEST="true"
        ).content.decode()
    ]
    for html in pages:
        ids = Counter(re.findall(r'\sid="([^"]+)"', html))
        assert [i for i, n in ids.items() if n > 1] == []


def test_linking_an_address_as_location_gives_the_signal_its_address(client, regisseur):
    address = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    signal = _signal(location_text="loods aan de Loodsweg")
    client.force_login(regisseur)
    client.post(
        reverse("signals:subject_link", args=[signal.uuid]),
        {"subject": address.uuid, "role": "location"},
    )
    signal.refresh_from_db()
    assert signal.address == address and signal.version == 1
    html = client.get(reverse("signals:list"), {"area": "6981"}).content.decode()
    assert reverse("signals:detail", args=[signal.uuid]) in html


def test_inbox_filters_by_analyst(client, regisseur, behandelaar):
    from tests.factories import UserFactory

    other = UserFactory(username="analist2", roles=["regisseur"], first_name="Ali")
    mine = _signal("Van mij.")
    theirs = _signal("Van Ali.")
    services.signal_triage(
        actor=regisseur,
        signal=mine,
        version=0,
        phenomenon=None,
        urgency="normal",
        assigned_to=regisseur,
    )
    services.signal_triage(
        actor=regisseur,
        signal=theirs,
        version=0,
        phenomenon=None,
        urgency="normal",
        assigned_to=other,
        location_text="Havenweg 2",
    )
    client.force_login(regisseur)
    html = client.get(reverse("signals:list"), {"assigned": other.pk}).content.decode()
    assert reverse("signals:detail", args=[theirs.uuid]) in html
    assert reverse("signals:detail", args=[mine.uuid]) not in html
    theirs.refresh_from_db()
    assert theirs.location_text == "Havenweg 2"
