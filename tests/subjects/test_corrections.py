"""Correcting a subject's details: a typo in a name, a birth date, an address, a plate."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import login, make_address, make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.core.bsn import bsn_hash
from weerbaar.subjects import selectors, services
from weerbaar.subjects.models import Person

pytestmark = pytest.mark.django_db


def test_correct_a_typo_in_a_name_and_the_birth_date(regisseur):
    person = make_person("Pieter Jnasen", bsn="111222333", birth=date(1980, 3, 4))
    client = login(regisseur)
    detail = client.get(reverse("subjects:detail", args=[person.uuid])).content.decode()
    assert reverse("subjects:edit", args=[person.uuid]) in detail
    page = client.get(reverse("subjects:edit", args=[person.uuid])).content.decode()
    assert 'value="Jnasen"' in page and 'name="bsn"' not in page
    response = client.post(
        reverse("subjects:edit", args=[person.uuid]),
        {"given_names": "Pieter", "prefix": "", "surname": "Jansen", "birth_date": "1980-04-03"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    row = Person.objects.get(subject=person)
    assert person.label == "Pieter Jansen" and row.birth_date == date(1980, 4, 3)
    assert row.bsn_hash == bsn_hash("111222333")  # the BSN is not touched
    record = AuditRecord.objects.get(action="subjects.updated", subject_ref=person.uuid)
    assert record.changes["old"] == {"surname": "Jnasen", "birth_date": "1980-03-04"}
    assert record.changes["new"] == {"surname": "Jansen", "birth_date": "1980-04-03"}
    hits = selectors.subject_search(user=regisseur, query="Pieter Jansen")
    assert person.uuid in {hit.subject.uuid for hit in hits}


def test_correct_an_address(regisseur):
    address = make_address("Kerkstraat", 12, "1234AB", "Weerdam")
    login(regisseur).post(
        reverse("subjects:edit", args=[address.uuid]),
        {"street": "Kerkweg", "house": "12a", "postcode": "1234 AB", "place": "Weerdam"},
    )
    address.refresh_from_db()
    assert address.label == "Kerkweg 12A, 1234 AB Weerdam"
    record = AuditRecord.objects.get(action="subjects.updated", subject_ref=address.uuid)
    assert record.changes["old"] == {"street": "Kerkstraat", "house_letter": ""}
    assert record.changes["new"] == {"street": "Kerkweg", "house_letter": "A"}


def test_a_plate_that_is_taken_is_refused(regisseur):
    services.vehicle_create(actor=None, plate="12-ABC-3", source="test")
    other = services.vehicle_create(actor=None, plate="99-XYZ-9", source="test")
    with pytest.raises(ValidationError):
        services.vehicle_update(actor=regisseur, subject=other, plate="12ABC3")
    services.vehicle_update(actor=regisseur, subject=other, plate="99-XYZ-8", colour="rood")
    other.refresh_from_db()
    assert other.label == "99-XYZ-8" and other.vehicle.colour == "rood"


def test_only_who_records_subjects_corrects_them(regisseur, toezichthouder):
    person = make_person("Pieter Jansen")
    assert (
        login(toezichthouder).get(reverse("subjects:detail", args=[person.uuid])).status_code == 200
    )
    response = login(toezichthouder).post(
        reverse("subjects:edit", args=[person.uuid]), {"surname": "Anders"}
    )
    assert response.status_code == 404
    person.refresh_from_db()
    assert person.label == "Pieter Jansen"
