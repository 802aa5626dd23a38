"""T11 meta-test: every service and sensitive selector writes exactly one audit record."""

import pytest

from tests.factories import UserFactory, make_address, make_person
from weerbaar.accounts import services as accounts
from weerbaar.audit.models import AuditRecord
from weerbaar.subjects import selectors
from weerbaar.subjects import services as subjects

pytestmark = pytest.mark.django_db


def _one_record(action, call):
    before = AuditRecord.objects.count()
    call()
    records = AuditRecord.objects.filter(id__gt=before)
    assert [r.action for r in records] == [action]
    record = records.get()
    assert record.created_at and record.hash and record.route is not None
    return record


def test_subject_services(regisseur):
    person = make_person("Anna de Vries")
    address = make_address()
    _one_record("subjects.created", lambda: make_person("Piet Pietersen"))
    _one_record("subjects.created", lambda: make_address("Dorpsstraat", 3, "1234AC"))
    _one_record(
        "subjects.created",
        lambda: subjects.organisation_create(
            actor=regisseur, name="Belwinkel X", kvk_number="87654321", source="test"
        ),
    )
    _one_record(
        "subjects.created",
        lambda: subjects.vehicle_create(actor=regisseur, plate="99-KBB-1", source="test"),
    )
    record = _one_record(
        "subjects.relation_created",
        lambda: subjects.relation_create(
            actor=regisseur,
            kind="registered_at",
            from_subject=person,
            to_subject=address,
            source="BRP",
        ),
    )
    assert record.subject_ref == str(person.uuid) and record.actor_id == regisseur.pk


def test_sensitive_selectors(regisseur):
    person = make_person("Anna de Vries")
    _one_record(
        "subjects.viewed", lambda: selectors.subject_get(user=regisseur, subject_id=person.uuid)
    )
    _one_record("subjects.searched", lambda: selectors.subject_search(user=regisseur, query="Anna"))


def test_account_services(beheerder, regisseur, team):
    _one_record(
        "accounts.user_created",
        lambda: accounts.user_create(
            actor=beheerder,
            username="nieuw",
            password="lang-genoeg-wachtwoord",
            roles=["medewerker"],
        ),
    )
    _one_record(
        "accounts.roles_changed",
        lambda: accounts.user_set_roles(actor=beheerder, user=regisseur, roles=["medewerker"]),
    )
    grant = _one_record_value(
        "accounts.role_grant_requested",
        lambda: accounts.role_grant_request(actor=beheerder, user=regisseur, role="fg"),
    )
    boss = UserFactory(username="baas", is_superuser=True, is_staff=True)
    _one_record(
        "accounts.role_grant_approved",
        lambda: accounts.role_grant_approve(actor=boss, grant=grant),
    )
    refused = accounts.role_grant_request(actor=beheerder, user=regisseur, role="regisseur")
    _one_record(
        "accounts.role_grant_refused",
        lambda: accounts.role_grant_refuse(actor=boss, grant=refused),
    )
    _one_record(
        "accounts.active_changed",
        lambda: accounts.user_set_active(actor=beheerder, user=regisseur, active=False),
    )
    _one_record(
        "accounts.superuser_changed",
        lambda: accounts.user_set_superuser(actor=boss, user=regisseur, value=True),
    )
    _one_record(
        "accounts.team_created", lambda: accounts.team_create(actor=beheerder, name="Nieuw")
    )
    _one_record(
        "accounts.team_member_added",
        lambda: accounts.team_add_member(actor=beheerder, team=team, user=beheerder),
    )
    shared = make_person("Gedeeld Persoon")
    _one_record(
        "accounts.share_granted",
        lambda: accounts.share_grant(actor=regisseur, obj=shared, team=team, purpose="LIO"),
    )
    _one_record(
        "accounts.token_created", lambda: accounts.token_issue(actor=beheerder, scope="read")
    )
    _one_record(
        "accounts.token_revoked",
        lambda: accounts.tokens_revoke(actor=beheerder, user=beheerder),
    )


def test_failed_write_leaves_no_audit_record(regisseur):
    from django.core.exceptions import ValidationError

    before = AuditRecord.objects.count()
    with pytest.raises(ValidationError):
        subjects.vehicle_create(actor=regisseur, plate="not a plate", source="test")
    assert AuditRecord.objects.count() == before


def test_signal_and_meeting_services(regisseur, behandelaar):
    from datetime import date, timedelta

    from django.utils import timezone

    from weerbaar.meetings import services as meetings
    from weerbaar.signals import services as signals

    signal = signals.signal_create(actor=None, channel="internal", description="Drukte.")
    other = signals.signal_create(actor=None, channel="internal", description="Ook drukte.")
    person = make_person("Anna de Vries")
    weighing = {
        "purpose": "administrative",
        "purpose_text": "Nagaan wat er speelt.",
        "proportional": True,
        "proportionality_text": "Alleen dit adres.",
        "subsidiary": True,
        "subsidiarity_text": "Geen lichter middel.",
    }
    _one_record(
        "signals.weighed",
        lambda: signals.weighing_record(
            actor=regisseur, signal=signal, phase="enrichment", **weighing
        ),
    )
    _one_record(
        "signals.enriched",
        lambda: signals.enrichment_add(
            actor=regisseur,
            signal=signal,
            text="x",
            source="Politie",
            source_date=date(2026, 1, 1),
            source_grade="B",
            info_grade="2",
        ),
    )
    record = _one_record(
        "signals.subject_linked",
        lambda: signals.signal_link_subject(
            actor=regisseur, signal=signal, subject=person, role="involved"
        ),
    )
    assert record.subject_ref == str(person.uuid)
    _one_record(
        "signals.subject_unlinked",
        lambda: signals.signal_unlink_subject(actor=regisseur, signal=signal, subject=person),
    )
    _one_record(
        "signals.related",
        lambda: signals.signal_relate(actor=regisseur, signal=signal, other=other),
    )
    series = meetings.series_create(
        actor=regisseur, name="LIO", kind="lio", interval_weeks=4, participants=[regisseur]
    )
    meeting = _one_record_value(
        "meetings.planned",
        lambda: meetings.meeting_plan(
            actor=regisseur, series=series, starts_at=timezone.now() + timedelta(days=1)
        ),
    )
    _one_record(
        "meetings.agenda_changed",
        lambda: meetings.agenda_add(
            actor=regisseur, meeting=meeting, signals_with_reason=[(signal, "new")]
        ),
    )
    item = meeting.items.get()
    _one_record(
        "meetings.notes", lambda: meetings.item_notes(actor=regisseur, item=item, notes="x")
    )
    _one_record(
        "meetings.agenda_sent", lambda: meetings.agenda_send(actor=regisseur, meeting=meeting)
    )
    action = _one_record_value(
        "meetings.action_added",
        lambda: meetings.action_add(
            actor=regisseur,
            item=item,
            description="Bellen",
            owner=behandelaar,
            due_on=timezone.localdate(),
        ),
    )
    _one_record(
        "meetings.action_done", lambda: meetings.action_done(actor=behandelaar, action=action)
    )
    _one_record("meetings.held", lambda: meetings.meeting_held(actor=regisseur, meeting=meeting))


def _one_record_value(action, call):
    holder = {}
    _one_record(action, lambda: holder.setdefault("value", call()))
    return holder["value"]
