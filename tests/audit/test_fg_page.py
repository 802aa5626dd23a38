"""The audit page for a privacy officer who is not technical (#14): names instead of model
names and identifiers, a subject found by name or address, actions grouped, and a button
that checks the chain and says what it found."""

import pytest
from django.urls import reverse

from tests.audit.test_chain import _tamper
from tests.factories import SignalFactory, login, make_address, make_person
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_records_name_their_objects_subjects_and_users(fg, regisseur):
    signal = SignalFactory()
    person = make_person("Priscilla Ozturk")
    audit_record(
        actor=regisseur, action=AuditAction.SUBJECT_VIEWED, obj=person, subject_ref=person.uuid
    )
    audit_record(actor=regisseur, action=AuditAction.SIGNAL_VIEWED, obj=signal)
    page = login(fg).get(reverse("audit:list")).content.decode()
    assert signal.reference in page and "Priscilla Ozturk" in page
    assert regisseur.get_full_name() in page
    assert "signals.signal" not in page and str(signal.uuid) not in page


def test_the_privacy_officer_finds_a_subject_by_name_and_the_search_is_recorded(fg, regisseur):
    person = make_person("Priscilla Ozturk")
    address = make_address("Havenweg", 7)
    audit_record(actor=regisseur, action=AuditAction.SUBJECT_VIEWED, subject_ref=person.uuid)
    audit_record(actor=regisseur, action=AuditAction.SUBJECT_VIEWED, subject_ref=address.uuid)
    client = login(fg)
    found = client.post(reverse("audit:find"), {"q": "Priscila Ozturk"}).content.decode()
    link = f"?subject_ref={person.uuid}"
    assert link in found and "Priscilla Ozturk" in found
    search = AuditRecord.objects.filter(action="subjects.searched", actor_id=fg.pk).get()
    assert search.purpose == "audit"
    # the name travels by POST: not in the URL of the search
    assert "Priscila" not in search.route
    trail = client.get(reverse("audit:list") + link).content.decode()
    assert trail.count("Priscilla Ozturk") >= 1 and "Havenweg" not in trail
    by_address = client.post(reverse("audit:find"), {"q": "Havenweg 7"}).content.decode()
    assert f"?subject_ref={address.uuid}" in by_address


def test_only_the_privacy_officer_searches_subjects_here(regisseur, medewerker):
    make_person("Priscilla Ozturk")
    for user in (regisseur, medewerker):
        assert login(user).post(reverse("audit:find"), {"q": "Ozturk"}).status_code == 404
        assert login(user).post(reverse("audit:verify")).status_code == 404


def test_actions_are_grouped_by_part_of_the_product(fg):
    page = login(fg).get(reverse("audit:list")).content.decode()
    assert '<optgroup label="Signalen">' in page and '<optgroup label="Casussen">' in page


def test_the_check_button_says_the_trail_is_whole_and_then_that_it_is_broken(fg, regisseur):
    for _ in range(3):
        audit_record(actor=regisseur, action=AuditAction.SIGNAL_VIEWED)
    client = login(fg)
    whole = client.post(reverse("audit:verify"), follow=True).content.decode()
    assert "De audittrail is heel" in whole
    victim = AuditRecord.objects.order_by("id")[1]
    _tamper("UPDATE audit_auditrecord SET purpose = 'verstopt' WHERE id = %s", [victim.pk])
    broken = client.post(reverse("audit:verify"), follow=True).content.decode()
    assert f"bij record {victim.pk}" in broken and "gewijzigd" in broken
    assert AuditRecord.objects.filter(action="audit.verified").count() == 2
