import uuid

import pytest
from django.urls import reverse

from tests.factories import make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.core.bsn import bsn_hash
from weerbaar.subjects.models import Person, Subject

pytestmark = pytest.mark.django_db


def test_search_page_posts_and_shows_results(client, regisseur):
    make_person("Pieter Jansen")
    client.force_login(regisseur)
    assert client.get(reverse("subjects:search")).status_code == 200
    response = client.post(reverse("subjects:search"), {"q": "Pieter Jansne"})
    assert "Pieter Jansen" in response.content.decode()
    partial = client.post(reverse("subjects:search"), {"q": "Pieter"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode()


def test_search_too_short(client, regisseur):
    client.force_login(regisseur)
    response = client.post(reverse("subjects:search"), {"q": "J"})
    assert "Typ minstens 2 tekens." in response.content.decode()


def test_detail_is_audited_and_hidden_looks_missing(client, regisseur, medewerker, other_team):
    subject = make_person("Henk de Vries", owner_team=other_team)
    client.force_login(regisseur)
    response = client.get(reverse("subjects:detail", args=[subject.uuid]))
    assert response.status_code == 200 and "Henk de Vries" in response.content.decode()
    assert AuditRecord.objects.filter(action="subjects.viewed", subject_ref=subject.uuid).exists()
    client.force_login(medewerker)
    hidden = client.get(reverse("subjects:detail", args=[subject.uuid]))
    missing = client.get(reverse("subjects:detail", args=[uuid.uuid4()]))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content
    assert AuditRecord.objects.filter(action="access.denied", subject_ref=subject.uuid).exists()


@pytest.mark.parametrize(
    ("kind", "data", "field_message", "kept"),
    [
        (
            "person",
            {"surname": "Jansen", "bsn": "123456789"},
            "Dit is geen geldig burgerservicenummer: het voldoet niet aan de elfproef.",
            "123456789",
        ),
        (
            "address",
            {"street": "Kerkstraat", "house": "12", "postcode": "12345", "place": "Weerdam"},
            "Vul een geldige postcode in: vier cijfers en twee letters, zoals 1234 AB.",
            "Kerkstraat",
        ),
        (
            "organisation",
            {"name": "Nagelstudio Glans", "kvk_number": "1234"},
            "Een KvK-nummer bestaat uit precies 8 cijfers, zoals 12345678.",
            "Nagelstudio Glans",
        ),
        (
            "vehicle",
            {"plate": "ABC-1234-D"},
            "Dit is geen Nederlands kenteken. Vul het in zoals op de plaat, bijvoorbeeld 12-ABC-3.",
            "ABC-1234-D",
        ),
    ],
)
def test_bad_input_message_next_to_field_and_input_kept(
    client, regisseur, kind, data, field_message, kept
):
    client.force_login(regisseur)
    response = client.post(reverse("subjects:create", args=[kind]), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert field_message in text
    assert f'value="{kept}"' in text
    assert 'aria-invalid="true"' in text
    assert not Subject.objects.exists()


def test_create_person_stores_bsn_as_hash(client, regisseur):
    client.force_login(regisseur)
    response = client.post(
        reverse("subjects:create", args=["person"]),
        {
            "given_names": "Jan",
            "prefix": "van der",
            "surname": "Berg",
            "bsn": "000009830",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get()
    assert person.bsn_hash == bsn_hash("000009830") and "000009830" not in person.bsn_hash
    assert person.subject.label == "Jan van der Berg"


def test_medewerker_cannot_create(client, medewerker):
    client.force_login(medewerker)
    assert client.get(reverse("subjects:create", args=["person"])).status_code == 404
