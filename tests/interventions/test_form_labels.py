"""The start form says when a field is needed, and the menu keeps a measure under its case
(#14)."""

import re

import pytest
from django.urls import reverse

from tests.cases.world import case_world
from tests.factories import UserFactory, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(team):
    roles = ("regisseur", "behandelaar", "toezichthouder", "ketenpartner")
    users = {role: UserFactory(username=role, roles=[role], teams=[team]) for role in roles}
    return users, case_world(users)


def test_a_field_the_service_may_ask_for_is_not_called_optional(world):
    users, objs = world
    page = (
        login(users["regisseur"])
        .get(reverse("interventions:start", args=[objs["case_id"].uuid]))
        .content.decode()
    )
    assert 'Duur in maanden <span class="optional">(verplicht bij een sluiting' in page
    assert 'afwijkt van het beleid <span class="optional">(verplicht als de maatregel' in page
    assert not re.search(r"Duur in maanden <span[^>]*>\(niet verplicht\)", page)


def test_a_measure_page_highlights_cases_in_the_menu(world):
    users, objs = world
    client = login(users["regisseur"])
    page = client.get(
        reverse("interventions:detail", args=[objs["intervention_id"].uuid])
    ).content.decode()
    current = re.search(r'<a class="site-nav__link" href="([^"]+)" aria-current="page">', page)
    assert current and current.group(1) == reverse("cases:list")
    overview = client.get(reverse("interventions:overview")).content.decode()
    current = re.search(r'<a class="site-nav__link" href="([^"]+)" aria-current="page">', overview)
    assert current.group(1) == reverse("interventions:overview")
