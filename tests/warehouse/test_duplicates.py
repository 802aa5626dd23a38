"""Possible duplicates found by the linkage, and judgements that outlive the next run (#18)."""

import pytest
from django.urls import reverse

from tests.factories import login, make_person
from tests.warehouse.test_linkage import population, warehouse  # noqa: F401 - fixtures
from weerbaar.subjects import services
from weerbaar.subjects.models import DuplicatePair, Person, Subject
from weerbaar.warehouse.link_registry import link_all
from weerbaar.warehouse.models import RegistryLink

pytestmark = pytest.mark.django_db


def _copies(population, n):  # noqa: F811
    """Copies of ``n`` recorded persons with their BSN, as a registry import would make."""
    copies = {}
    for pk, bsn in list(population.items())[:n]:
        person = Person.objects.get(pk=pk)
        copy = make_person(
            f"{person.given_names} {person.surname}", bsn=bsn, birth=person.birth_date
        )
        copies[pk] = copy.pk
    return copies


def _open_pairs():
    return {
        tuple(sorted(p)) for p in DuplicatePair.objects.filter(status="open").values_list(
            "first", "second"
        )
    }  # fmt: skip


def test_the_linkage_proposes_pairs_and_the_judgements_stay(population, regisseur, tmp_path):  # noqa: F811
    copies = _copies(population, 6)
    counts = link_all()
    linked = set(
        RegistryLink.objects.filter(status="linked", subject_id__in=copies).values_list(
            "subject_id", flat=True
        )
    )
    assert counts["person"]["duplicates"]["new"] == len(linked) >= 4
    assert _open_pairs() == {tuple(sorted((pk, copies[pk]))) for pk in linked}
    pair = DuplicatePair.objects.filter(status="open").first()
    assert set(pair.explanation["sides"]) == {str(pair.first_id), str(pair.second_id)}
    hows = {side["how"] for side in pair.explanation["sides"].values()}
    assert hows == {"linked", "number"}

    distinct, merged, *rest = DuplicatePair.objects.filter(status="open").order_by("pk")
    services.duplicate_distinct(actor=regisseur, pair=distinct, note="Niet dezelfde.")
    typed = merged.first if merged.first_id in copies else merged.second
    services.subject_merge(
        actor=regisseur, kept=Subject.objects.get(pk=copies[typed.pk]), absorbed=typed,
        reason="Dubbel.",
    )  # fmt: skip

    again = link_all()
    assert again["person"]["duplicates"] == {"new": 0, "open": len(rest), "judged": 1}
    assert _open_pairs() == {(p.first_id, p.second_id) for p in rest}
    assert DuplicatePair.objects.get(pk=distinct.pk).status == "distinct"
    # the merged duplicate is not linked again: its link went with it to the subject kept
    assert not RegistryLink.objects.filter(subject=typed).exists()


def test_the_pair_page_explains_each_side(population, regisseur):  # noqa: F811
    _copies(population, 3)
    link_all()
    pair = DuplicatePair.objects.filter(status="open").first()
    page = login(regisseur).get(reverse("subjects:duplicate", args=[pair.uuid])).content.decode()
    assert "Geboortedatum" in page  # a comparison of the linked side, in Dutch
    assert "Samenvoegen" in page or "samenvoegen" in page


def _non_residents(count: int, twice: int) -> dict[int, int]:
    """``count`` persons in no registry recorded without a BSN, the first ``twice`` of them
    recorded a second time as another source wrote them (with the address when known);
    returns the second record's primary key per first."""
    from tests.factories import make_address
    from weerbaar.demo.linkage_data import COLUMNS, two_sources
    from weerbaar.subjects.models import Relation
    from weerbaar.subjects.services import PersonData, person_create

    left, right, truth = two_sources(count, twice, twice, seed=21)
    by_id = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in left + right}
    made = {}
    for uid, person in by_id.items():
        initials = "." in person["given_names"]
        subject = person_create(
            actor=None,
            data=PersonData(
                surname=f"Buiten{person['surname']}",  # in no BRP of the town
                prefix=person["prefix"],
                given_names="" if initials else person["given_names"],
                initials=person["given_names"].replace(".", "") if initials else "",
                birth_date=person["birth_date"],
            ),
            source="melding",
        )
        if person["street"]:
            address = make_address(person["street"], person["house_number"],
                                   person["postcode"], person["place"])  # fmt: skip
            Relation.objects.create(kind="lives_at", from_subject=subject, to_subject=address,
                                    source="melding")  # fmt: skip
        made[uid] = subject.pk
    return {made[a]: made[b] for a, b in truth}


def test_persons_in_no_registry_recorded_twice_are_found_by_comparing(population, regisseur):  # noqa: F811
    twice = _non_residents(80, 12)
    counts = link_all()
    compared = {
        tuple(sorted((p.first_id, p.second_id)))
        for p in DuplicatePair.objects.filter(explanation__has_key="compared")
    }
    truth = {tuple(sorted(pair)) for pair in twice.items()}
    assert len(compared & truth) >= 10, (compared, truth)  # nearly every one found
    assert compared <= truth  # and no two different persons proposed
    pair = DuplicatePair.objects.filter(explanation__has_key="compared").first()
    assert "BSN" in pair.found_by
    assert {"surname", "given_name", "birth_date", "address"} <= set(
        pair.explanation["compared"]["weights"]
    )
    page = login(regisseur).get(reverse("subjects:duplicate", args=[pair.uuid])).content.decode()
    assert "met elkaar vergeleken" in page and "Adres" in page

    services.duplicate_distinct(actor=regisseur, pair=pair, note="Twee personen.")
    again = link_all()
    assert again["person"]["duplicates"]["judged"] >= 1
    assert DuplicatePair.objects.get(pk=pair.pk).status == "distinct"
    assert counts["person"]["duplicates"]["new"] >= len(compared)


def test_organisations_in_no_kvk_extract_recorded_twice_are_found(population, regisseur):  # noqa: F811
    """Firms recorded from reports without a KvK number, one of them twice (its legal form
    written once, with the address it was seen at both times): only that pair is proposed.
    No KvK extract is imported here, so the linkage with the KvK finds nothing to link."""
    from tests.factories import make_address
    from weerbaar.subjects.models import Relation
    from weerbaar.subjects.services import organisation_create

    names = ["Nagelstudio Glans", "Shisha Lounge Oase", "Belwinkel Centrum", "Autohandel De Brug",
             "Massagesalon Lotus", "Opslagboxen Noord", "Bakkerij Ravensberg", "Kapsalon Fenna",
             "Loodgieter Jansen", "Snackbar Het Hoekje", "Fietsenmaker Wiel", "Bloemist Roos"]  # fmt: skip
    made = {}
    for n, name in enumerate([*names, "Nagelstudio Glans B.V."]):
        org = organisation_create(actor=None, source="melding", name=name)
        number = 7 if n in (0, len(names)) else 100 + n
        Relation.objects.create(
            kind="registered_at", from_subject=org,
            to_subject=make_address("Markt", number, f"69{10 + n % 80}AB", "Weerdam"),
            source="melding",
        )  # fmt: skip
        made[name] = org.pk
    link_all()
    compared = {
        tuple(sorted((p.first_id, p.second_id)))
        for p in DuplicatePair.objects.filter(explanation__has_key="compared", first__kind="organisation")
    }  # fmt: skip
    assert compared == {tuple(sorted((made["Nagelstudio Glans"], made["Nagelstudio Glans B.V."])))}
    pair = DuplicatePair.objects.get(explanation__has_key="compared", first__kind="organisation")
    assert "KvK" in pair.found_by
    assert pair.explanation["compared"]["weights"]["name"]["level"] == "same"
