"""The privacy officer finds the Bibob reads and writes by the person they are about
(docs/adr/0006): the trail names the applicant, or the party named, as its subject."""

import pytest
from django.urls import reverse

from tests.factories import ScreeningFactory, login, make_person
from weerbaar.audit.selectors import audit_record_list
from weerbaar.screening import services

pytestmark = pytest.mark.django_db


def test_the_trail_finds_a_screening_by_its_applicant_and_its_party(bibob_coordinator, fg):
    applicant, party = make_person("Anna Aanvrager"), make_person("Frits Financier")
    s = ScreeningFactory(actor=bibob_coordinator, applicant=applicant)
    services.party_add(actor=bibob_coordinator, screening=s, subject=party, role="financier")
    login(bibob_coordinator).get(reverse("screening:detail", args=[s.uuid]))

    about_applicant = audit_record_list(user=fg, subject_ref=str(applicant.uuid))
    assert set(about_applicant.values_list("action", flat=True)) >= {
        "screening.started",
        "screening.viewed",
    }
    about_party = audit_record_list(user=fg, subject_ref=str(party.uuid))
    assert "screening.party_added" in about_party.values_list("action", flat=True)
    page = login(fg).get(reverse("audit:list"), {"subject_ref": str(applicant.uuid)})
    assert page.status_code == 200
    assert str(s.uuid).encode() in page.content or s.reference.encode() in page.content


def test_a_refused_look_names_no_one(bibob_coordinator, regisseur, fg):
    s = ScreeningFactory(actor=bibob_coordinator, applicant=make_person("Anna Aanvrager"))
    assert login(regisseur).get(reverse("screening:detail", args=[s.uuid])).status_code == 404
    denied = audit_record_list(user=fg, action="access.denied").get()
    assert denied.subject_ref == ""
