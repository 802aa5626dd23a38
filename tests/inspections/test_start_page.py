"""The toezichthouder's start page lists their upcoming inspections and open address checks."""

import pytest
from django.urls import reverse

from tests.factories import AddressCheckFactory, login
from tests.inspections.world import planned

pytestmark = pytest.mark.django_db


def _block(html):
    return html.split('id="werk-controles"', 1)[1].split('<li class="card"', 1)[0]


def test_the_toezichthouder_sees_upcoming_inspections_and_open_checks(
    toezichthouder, medewerker, team, other_team
):
    inspection = planned(toezichthouder, team, days=3)
    AddressCheckFactory(actor=toezichthouder, owner_team=team)
    client = login(toezichthouder)
    block = _block(client.get(reverse("home")).content.decode())
    assert "1 komende controle" in block and inspection.reference in block
    assert "1 open adrescontrole" in block
    listed = client.get(reverse("inspections:list") + "?periode=komend")
    assert listed.context["page"].paginator.count == 1
    assert 'id="werk-controles"' not in login(medewerker).get(reverse("home")).content.decode()
