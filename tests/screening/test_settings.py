"""The Bibob policy data on the beheerder's settings pages, and what other pages never show."""

import pytest
from django.urls import reverse

from tests.factories import ScreeningFactory, login, make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.screening.models import ChecklistItem, PermitKind

pytestmark = pytest.mark.django_db


def test_the_beheerder_keeps_the_permit_kinds_and_the_checklist(beheerder, bibob_coordinator):
    client = login(beheerder)
    kinds = client.get(reverse("configuration:section", args=["bibob-vergunningen"]))
    assert "Drank- en horecavergunning" in kinds.content.decode()
    kind = PermitKind.objects.get(code="speelautomaten")
    response = client.post(
        reverse("configuration:edit", args=["bibob-vergunningen", kind.pk]),
        {
            "code": "speelautomaten",
            "name": "Speelautomatenvergunning",
            "requires_screening": "on",
            "decision_weeks": "12",
            "questionnaire_weeks": "4",
            "authority": "mayor",
            "active": "on",
        },
    )
    assert response.status_code == 302
    kind.refresh_from_db()
    assert kind.decision_weeks == 12
    assert AuditRecord.objects.filter(action="configuration.changed").exists()
    items = client.get(reverse("configuration:section", args=["bibob-checklist"]))
    assert ChecklistItem.objects.get(code="zeggenschap").name in items.content.decode()
    # The coordinator works with the policy, the beheerder keeps it.
    other = login(bibob_coordinator)
    page = other.get(reverse("configuration:section", args=["bibob-vergunningen"]))
    assert page.status_code == 404


def test_the_applicants_subject_page_says_nothing_of_the_screening(regisseur, bibob_coordinator):
    applicant = make_person("Henk Horeca")
    screening = ScreeningFactory(
        actor=bibob_coordinator, applicant=applicant, alert_reference="Bibobkanarie"
    )
    page = login(regisseur).get(reverse("subjects:detail", args=[applicant.uuid]))
    assert page.status_code == 200 and "Henk Horeca" in page.content.decode()
    assert screening.reference not in page.content.decode()
    assert "Bibob" not in page.content.decode()


def test_the_list_costs_the_same_queries_for_one_or_many(
    bibob_coordinator, django_assert_max_num_queries
):
    client = login(bibob_coordinator)
    ScreeningFactory(actor=bibob_coordinator)
    with django_assert_max_num_queries(40) as one:
        client.get(reverse("screening:list"))
    for _ in range(8):
        ScreeningFactory(actor=bibob_coordinator)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(reverse("screening:list"))
