"""Registry facts on the Bibob checklist: what the warehouse's registries say about the
applicant and the parties, inside the compartment, the read recorded against the screening
naming its applicant (#15, ADR 6)."""

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, ScreeningFactory, login, make_person
from tests.inspections.test_registry_facts import _registries
from weerbaar.audit.models import AuditRecord
from weerbaar.screening import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def screening(bibob_coordinator):
    s = ScreeningFactory(
        actor=bibob_coordinator,
        applicant=OrganisationFactory(name="Shisha Lounge Haven", kvk_number="12345678"),
    )
    services.party_add(
        actor=bibob_coordinator, screening=s, subject=make_person("Piet Pand"), role="financier"
    )
    return s


def test_the_coordinator_reads_the_registries_for_applicant_and_parties(
    bibob_coordinator, screening
):
    _registries()
    client = login(bibob_coordinator)
    url = reverse("screening:registry_facts", args=[screening.uuid])
    assert url in client.get(reverse("screening:detail", args=[screening.uuid])).content.decode()
    page = client.get(url)
    rows = {subject.label: [f.text for f in facts] for subject, facts in page.context["rows"]}
    assert any("V-2025-7" in t for t in rows["Shisha Lounge Haven"])
    assert any("5630" in t for t in rows["Shisha Lounge Haven"])
    assert rows["Piet Pand"] == []  # a person: looked up in the subject register instead
    read = AuditRecord.objects.get(action="warehouse.facts_read")
    assert read.object_id == str(screening.uuid)
    assert read.subject_ref == str(screening.applicant.uuid)


def test_outside_the_compartment_it_is_a_missing_page(regisseur, screening):
    _registries()
    url = reverse("screening:registry_facts", args=[screening.uuid])
    assert login(regisseur).get(url).status_code == 404
    assert not AuditRecord.objects.filter(action="warehouse.facts_read").exists()
