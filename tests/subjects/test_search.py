import pytest

from tests.factories import make_address, make_person
from weerbaar.subjects import services
from weerbaar.subjects.selectors import subject_search

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def population(db):
    people = {
        name: make_person(name, bsn=bsn)
        for name, bsn in [
            ("Jan van der Berg", "000009830"),
            ("Johanna de Jong", ""),
            ("Pieter Jansen", ""),
            ("Ömer Çelik", ""),
            ("Jan Bergman", ""),
            ("Anna van den Heuvel", ""),
        ]
    }
    address = make_address("Kerkstraat", 12, "1234AB", surface_m2=100, use_purpose="woonfunctie")
    make_address("Kerkstraat", 14, "1234AB")
    org = services.organisation_create(
        actor=None,
        name="Kapsalon De Gouden Schaar",
        kvk_number="12345678",
        source="test",
        sbi_codes=["9602"],
    )
    car = services.vehicle_create(actor=None, plate="12-ABC-3", source="test", make="BMW")
    return people, address, org, car


def _labels(user, query):
    return [hit.subject.label for hit in subject_search(user=user, query=query)]


@pytest.mark.parametrize(
    "query",
    [
        "Jan van der Berg",
        "Berg, J. van der",
        "J. v.d. Berg",
        "jan berg",
        "Jan vd Berg",
        "Jan van de Berg",
        "Jan vanderberg",
        "Jan van der Bреg"[:0] + "Jan van der Bregh",
        "Jna van der Berg",
    ],
)
def test_person_found_however_typed(regisseur, population, query):
    assert _labels(regisseur, query)[0] == "Jan van der Berg"


def test_diacritics_and_transposition(regisseur, population):
    assert _labels(regisseur, "Omer Celik")[0] == "Ömer Çelik"
    assert _labels(regisseur, "Johanna de Jnog")[0] == "Johanna de Jong"
    assert _labels(regisseur, "Anna Huevel")[0] == "Anna van den Heuvel"


def test_address_by_street_number_and_postcode(regisseur, population):
    assert _labels(regisseur, "Kerkstraat 12")[0].startswith("Kerkstraat 12,")
    assert _labels(regisseur, "Kerkstrat 12")[0].startswith("Kerkstraat 12,")
    assert _labels(regisseur, "1234 ab 12")[0].startswith("Kerkstraat 12,")
    assert len(_labels(regisseur, "1234AB")) == 2


def test_identifiers(regisseur, population):
    assert _labels(regisseur, "12345678") == ["Kapsalon De Gouden Schaar"]
    assert _labels(regisseur, "12abc3") == ["12-ABC-3"]
    assert _labels(regisseur, "0000 098 30") == ["Jan van der Berg"]


def test_organisation_by_misspelled_name(regisseur, population):
    assert _labels(regisseur, "gouden schaar")[0] == "Kapsalon De Gouden Schaar"
    assert _labels(regisseur, "kapsalon gouwden")[0] == "Kapsalon De Gouden Schaar"


def test_nothing_for_users_without_access(medewerker, population):
    assert _labels(medewerker, "Jan van der Berg") == []
    assert _labels(medewerker, "12345678") == []


def test_search_is_audited(regisseur, population):
    from weerbaar.audit.models import AuditRecord

    subject_search(user=regisseur, query="Jansen")
    record = AuditRecord.objects.filter(action="subjects.searched").latest("id")
    assert record.actor_id == regisseur.pk and record.changes["extra"]["results"] >= 1


def test_birth_date_narrows_namesakes(regisseur, db):
    from datetime import date

    make_person("Jan de Jong", birth=date(1975, 3, 12))
    make_person("Jan de Jong", birth=date(1980, 1, 1))
    hits = subject_search(user=regisseur, query="Jan de Jnog 12-3-1975")
    assert [h.subject.person.birth_date for h in hits] == [date(1975, 3, 12)]
    hits = subject_search(user=regisseur, query="Jan de Jong 1980-01-01")
    assert [h.subject.person.birth_date for h in hits] == [date(1980, 1, 1)]
