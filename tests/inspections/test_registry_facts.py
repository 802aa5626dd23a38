"""Registry facts in the preparation: what the warehouse's registries say about the addresses
and businesses of an inspection, read with need-to-know and audited (#15)."""

import pytest
from django.urls import reverse

from tests.factories import AddressFactory, InspectionFactory, OrganisationFactory, login
from weerbaar.audit.models import AuditRecord
from weerbaar.inspections.models import PartnerKind
from weerbaar.warehouse import db

pytestmark = pytest.mark.django_db


def _registries():
    with db.connect() as con:
        con.execute(
            "INSERT INTO kvk_business VALUES ('000012345678', '12345678', 'Shisha Lounge Haven',"
            " ['5630'], DATE '2025-11-20', '3131AB', 3, NULL, NULL, 'Havenstraat', 'Weerdam')"
        )
        for n in range(4):
            con.execute(
                "INSERT INTO brp_residence VALUES ('brp', ?, 'VBO3', 'NUM3', 'Havenstraat', 3,"
                " '3131AB', DATE '2024-01-01', NULL)",
                [f"hash{n}"],
            )
        con.execute(  # moved away: not counted
            "INSERT INTO brp_residence VALUES ('brp', 'gone', 'VBO3', 'NUM3', 'Havenstraat', 3,"
            " '3131AB', DATE '2020-01-01', DATE '2023-01-01')"
        )
        con.execute(
            "INSERT INTO permit VALUES ('V-2025-7', 'Exploitatievergunning horeca', 'J. Jansen',"
            " '12345678', NULL, '3131AB', 3, NULL, NULL, 'Havenstraat', 'Weerdam',"
            " DATE '2025-12-01', DATE '2027-12-01')"
        )
        con.execute(
            "INSERT INTO closure VALUES ('Damocles-sluiting', DATE '2023-05-04', "
            "'Havenstraat 3, Weerdam', 'VBO3', '3131AB', 3, NULL, NULL)"
        )


@pytest.fixture
def inspection(toezichthouder, team):
    return InspectionFactory(
        actor=toezichthouder,
        owner_team=team,
        addresses=[AddressFactory(street="Havenstraat", number=3, postcode="3131AB")],
        businesses=[OrganisationFactory(name="Shisha Lounge Haven", kvk_number="12345678")],
        partners=list(PartnerKind.objects.filter(code="politie")),
    )


def test_the_preparation_reads_the_registries_for_addresses_and_businesses(
    toezichthouder, inspection
):
    _registries()
    client = login(toezichthouder)
    detail = client.get(reverse("inspections:detail", args=[inspection.uuid])).content.decode()
    assert reverse("inspections:facts", args=[inspection.uuid]) in detail
    before = AuditRecord.objects.count()
    page = client.get(reverse("inspections:facts", args=[inspection.uuid]))
    rows = {subject.label: [f.text for f in facts] for subject, facts in page.context["rows"]}
    address, business = (s.label for s, _facts in page.context["rows"])
    assert any("Shisha Lounge Haven" in t and "12345678" in t for t in rows[address])
    assert any("V-2025-7" in t for t in rows[address]) and any(
        "V-2025-7" in t for t in rows[business]
    )
    assert any("Damocles-sluiting" in t for t in rows[address])
    assert any("5630" in t for t in rows[business])
    html = page.content.decode()
    assert "J. Jansen" not in html  # a permit's holder is not shown
    reads = AuditRecord.objects.filter(id__gt=before, action="warehouse.facts_read")
    assert [r.object_id for r in reads] == [str(inspection.uuid)]


def test_the_brp_count_counts_who_lives_there_now(toezichthouder, inspection):
    _registries()
    page = login(toezichthouder).get(reverse("inspections:facts", args=[inspection.uuid]))
    facts = page.context["rows"][0][1]
    brp = [f for f in facts if f.source == "BRP"]
    assert len(brp) == 1 and brp[0].text.endswith(": 4")


def test_who_may_not_see_the_inspection_reads_no_facts(outsider, inspection):
    before = AuditRecord.objects.count()
    page = login(outsider).get(reverse("inspections:facts", args=[inspection.uuid]))
    assert page.status_code == 404
    actions = AuditRecord.objects.filter(id__gt=before).values_list("action", flat=True)
    assert list(actions) == ["access.denied"]


def test_an_empty_warehouse_says_nothing_is_known(toezichthouder, inspection):
    page = login(toezichthouder).get(reverse("inspections:facts", args=[inspection.uuid]))
    address_facts = page.context["rows"][0][1]
    assert [f.source for f in address_facts] == ["BRP"]  # a count of nobody
    assert page.context["rows"][1][1] == []


def test_a_busy_warehouse_is_said_so(toezichthouder, inspection, monkeypatch):
    import duckdb

    from weerbaar.warehouse import registry_facts

    def busy(*args, **kwargs):
        raise duckdb.IOException("Could not set lock on file")

    monkeypatch.setattr(registry_facts.db, "connect", busy)
    page = login(toezichthouder).get(reverse("inspections:facts", args=[inspection.uuid]))
    assert page.status_code == 200 and page.context["busy"] is True
